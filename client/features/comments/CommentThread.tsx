import { createSignal, createUniqueId, For, Show } from 'solid-js';
import type { Comment } from '../../../shared/schemas/comments.ts';
import type { Member } from '../../../shared/schemas/members.ts';
import { useI18n } from '../../app-context.tsx';
import { describeError } from '../../errors.ts';
import { formatDateTime, formatNumber, formatRelative } from '../../i18n/format.ts';
import { personName } from '../../i18n/person-name.ts';
import { CommentComposer, type ComposerSubmit, initials } from './CommentComposer.tsx';
import type { Thread } from './comments-store.ts';
import { bodySegments } from './mentions.ts';
import { VisibilityBadge } from './VisibilityBadge.tsx';

/** A thread: its first comment, its replies, and (for those who may comment) reply and resolve. */
export function CommentThread(props: {
  thread: Thread;
  canComment: boolean;
  members: readonly Member[];
  selfId: string | undefined;
  now: Date;
  onReply: (threadId: string, input: ComposerSubmit) => Promise<unknown>;
  onResolve: (threadId: string, resolved: boolean) => Promise<unknown>;
}) {
  const { t, locale } = useI18n();
  const c = () => t().comments;
  const [replying, setReplying] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  // A resolved thread folds its replies away (they are one click from view).
  const [unfolded, setUnfolded] = createSignal(false);
  const root = () => props.thread.root;
  const replyCount = () => props.thread.replies.length;
  const showReplies = () => !root().resolved || unfolded();
  const repliesId = `${createUniqueId()}-replies`;
  let replyButton: HTMLButtonElement | undefined;

  async function toggleResolved() {
    setBusy(true);
    setError(null);
    try {
      await props.onResolve(root().id, !root().resolved);
    } catch (err) {
      setError(c().resolveFailed(describeError(err, t())));
    } finally {
      setBusy(false);
    }
  }

  return (
    <article
      class="thread"
      classList={{ 'thread-resolved': root().resolved }}
      aria-label={c().threadLabel(root().author.name)}
    >
      <CommentItem comment={root()} now={props.now} selfId={props.selfId} showVisibility />
      <Show when={root().resolved && replyCount() > 0}>
        <button
          type="button"
          class="replies-toggle"
          aria-expanded={unfolded()}
          aria-controls={repliesId}
          onClick={() => setUnfolded((v) => !v)}
        >
          <svg
            viewBox="0 0 16 16"
            aria-hidden="true"
            class="chevron"
            classList={{ 'chevron-open': unfolded() }}
          >
            <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" stroke-width="1.5" />
          </svg>
          {c().replies(replyCount(), formatNumber(locale(), replyCount()))}
        </button>
      </Show>
      <Show when={replyCount() > 0 && showReplies()}>
        <ul
          id={repliesId}
          class="replies"
          aria-label={c().replies(replyCount(), formatNumber(locale(), replyCount()))}
        >
          <For each={props.thread.replies}>
            {(reply) => (
              <li>
                <CommentItem comment={reply} now={props.now} selfId={props.selfId} />
              </li>
            )}
          </For>
        </ul>
      </Show>

      <Show when={root().resolved && root().resolvedBy}>
        {(by) => (
          <p class="thread-resolved-note">
            <svg viewBox="0 0 16 16" aria-hidden="true" class="resolved-icon">
              <path d="M3.5 8.5 6.5 11.5 12.5 4.5" fill="none" stroke="currentColor" stroke-width="1.6" />
            </svg>
            {c().resolvedBy(
              by().name,
              root().resolvedAt
                ? formatRelative(locale(), root().resolvedAt!, props.now, t().time.justNow)
                : '',
            )}
          </p>
        )}
      </Show>

      <Show when={props.canComment}>
        <Show
          when={replying()}
          fallback={
            <div class="thread-actions">
              <Show when={!root().resolved}>
                <button
                  ref={replyButton}
                  type="button"
                  class="button button-ghost button-small"
                  aria-label={c().replyLabel(root().author.name)}
                  onClick={() => setReplying(true)}
                >
                  {c().reply}
                </button>
              </Show>
              <button
                type="button"
                class="button button-ghost button-small"
                disabled={busy()}
                onClick={() => void toggleResolved()}
              >
                {root().resolved ? c().reopen : c().resolve}
              </button>
            </div>
          }
        >
          <CommentComposer
            members={props.members}
            selfId={props.selfId}
            replyTo={root()}
            autofocus
            onSubmit={async (input) => {
              await props.onReply(root().id, input);
              setReplying(false);
              queueMicrotask(() => replyButton?.focus());
            }}
            onCancel={() => {
              setReplying(false);
              queueMicrotask(() => replyButton?.focus());
            }}
          />
        </Show>
      </Show>
      <Show when={error()}>
        <p class="composer-error" role="alert">
          {error()}
        </p>
      </Show>
    </article>
  );
}

function CommentItem(props: {
  comment: Comment;
  now: Date;
  selfId: string | undefined;
  showVisibility?: boolean;
}) {
  const { t, locale } = useI18n();
  const segments = () =>
    bodySegments(
      props.comment.body,
      props.comment.mentions.map((m) => m.name),
    );
  const isSelf = () => props.comment.author.id === props.selfId;
  // A server clock a little ahead must not make a fresh comment say "in 1 minute".
  const age = () =>
    formatRelative(
      locale(),
      props.comment.createdAt,
      latest(props.now, props.comment.createdAt),
      t().time.justNow,
    );
  return (
    <div class="comment">
      <span class="avatar avatar-small" classList={{ 'avatar-self': isSelf() }} aria-hidden="true">
        {initials(props.comment.author.name)}
      </span>
      <div class="comment-main">
        <p class="comment-meta">
          <span class="comment-author">{personName(props.comment.author.name, t())}</span>
          <time
            class="comment-time"
            datetime={props.comment.createdAt}
            title={formatDateTime(locale(), props.comment.createdAt)}
          >
            {age()}
          </time>
          <Show when={props.showVisibility}>
            <VisibilityBadge visibility={props.comment.visibility} />
          </Show>
        </p>
        <p class="comment-body">
          <For each={segments()}>{(s) => (s.mention ? <span class="mention">{s.text}</span> : s.text)}</For>
        </p>
      </div>
    </div>
  );
}

function latest(now: Date, iso: string): Date {
  const at = Date.parse(iso);
  return at > now.getTime() ? new Date(at) : now;
}
