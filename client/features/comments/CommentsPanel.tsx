import {
  createMemo,
  createSignal,
  createUniqueId,
  For,
  Match,
  onCleanup,
  onMount,
  Show,
  Switch,
} from 'solid-js';
import type { Member } from '../../../shared/schemas/members.ts';
import { useApp, useI18n } from '../../app-context.tsx';
import { StatePanel } from '../../components/StatePanel.tsx';
import { describeError } from '../../errors.ts';
import { formatNumber } from '../../i18n/format.ts';
import { appSocket } from '../../realtime/socket.ts';
import { CommentComposer } from './CommentComposer.tsx';
import { CommentThread } from './CommentThread.tsx';
import { commentsApi } from './comments-api.ts';
import { createCommentsStore, toThreads } from './comments-store.ts';
import { useNow } from './use-now.ts';
import './comments.css';
import './comment-composer.css';

export interface CommentsPanelProps {
  projectId: string;
  milestoneId: string;
  /** mentors, contributors, leads and cluster managers; observers read partner comments only */
  canComment: boolean;
  /** the project's members, for @mentions */
  members: Member[];
  /** the panel's heading level inside its host (default 3) */
  headingLevel?: 2 | 3 | 4;
}

/**
 * The comments on one milestone, live for everyone in the project room. The room's provider
 * has joined the project's document, which is what makes the server send `comment:changed`
 * to this socket. A new panel (and store) is made for each milestone.
 */
export function CommentsPanel(props: CommentsPanelProps) {
  const key = createMemo(() => `${props.projectId}/${props.milestoneId}`);
  return (
    <Show when={key()} keyed>
      {(_key) => (
        <MilestoneComments
          projectId={props.projectId}
          milestoneId={props.milestoneId}
          canComment={props.canComment}
          members={props.members}
          headingLevel={props.headingLevel ?? 3}
        />
      )}
    </Show>
  );
}

function MilestoneComments(props: Required<CommentsPanelProps>) {
  const { session } = useApp();
  const { t, locale } = useI18n();
  const c = () => t().comments;
  const id = createUniqueId();
  const now = useNow();
  const selfId = () => session[0].me?.user.id;
  const [announcement, setAnnouncement] = createSignal('');

  // The ids do not change for this component's life: CommentsPanel makes a new one per milestone.
  const [state, actions] = createCommentsStore({
    api: commentsApi,
    events: appSocket(),
    projectId: props.projectId,
    milestoneId: props.milestoneId,
    selfId: selfId(),
    onLiveComment: (comment) => setAnnouncement(c().liveNew(comment.author.name)),
  });
  onMount(() => void actions.load());
  onCleanup(actions.dispose);

  const threads = createMemo(() => toThreads(state.comments));
  // Keyed by id, so that a change (a reply, a resolve) updates a thread in place: its DOM, its
  // open reply box and the focus survive.
  const threadIds = createMemo(() => threads().map((th) => th.root.id));
  const threadById = createMemo(() => new Map(threads().map((th) => [th.root.id, th])));
  const count = () => state.comments.length;

  const Heading = (hp: { children: string }) => (
    <Switch>
      <Match when={props.headingLevel === 2}>
        <h2 id={`${id}-title`} class="comments-title">
          {hp.children}
        </h2>
      </Match>
      <Match when={props.headingLevel === 4}>
        <h4 id={`${id}-title`} class="comments-title">
          {hp.children}
        </h4>
      </Match>
      <Match when={true}>
        <h3 id={`${id}-title`} class="comments-title">
          {hp.children}
        </h3>
      </Match>
    </Switch>
  );

  const threadProps = () => ({
    canComment: props.canComment,
    members: props.members,
    selfId: selfId(),
    now: now(),
    onReply: (
      threadId: string,
      input: { body: string; visibility: 'team' | 'partners'; mentions: string[] },
    ) => actions.post({ ...input, parentId: threadId }),
    onResolve: (threadId: string, resolved: boolean) => actions.setResolved(threadId, resolved),
  });

  return (
    <section class="comments" aria-labelledby={`${id}-title`} aria-busy={state.status === 'loading'}>
      <div class="comments-head">
        <Heading>{c().title}</Heading>
        <Show when={state.status === 'ready' && count() > 0}>
          <span class="comments-count">{c().count(count(), formatNumber(locale(), count()))}</span>
        </Show>
      </div>

      <Show when={!props.canComment}>
        <p class="comments-note">{c().observerNote}</p>
      </Show>

      <Switch>
        <Match when={state.status === 'loading'}>
          <div class="comments-loading" role="status">
            <span class="visually-hidden">{c().loading}</span>
            <For each={[0, 1]}>
              {(i) => (
                <div class="comment comment-skeleton" aria-hidden="true">
                  <span class="avatar avatar-small" />
                  <div class="comment-main">
                    <span class="skeleton" style={{ width: '38%' }} />
                    <span class="skeleton" style={{ width: i === 0 ? '92%' : '70%' }} />
                  </div>
                </div>
              )}
            </For>
          </div>
        </Match>
        <Match when={state.status === 'error'}>
          <StatePanel
            title={c().errorTitle}
            body={c().errorBody(describeError(state.error, t()))}
            tone="error"
            icon="error"
          >
            <button type="button" class="button button-small" onClick={() => void actions.load()}>
              {t().app.retry}
            </button>
          </StatePanel>
        </Match>
        <Match when={threads().length === 0}>
          <div class="comments-empty">
            <svg viewBox="0 0 24 24" aria-hidden="true" class="comments-empty-icon">
              <path
                d="M4 5h16v11H9l-5 4V5Z"
                fill="none"
                stroke="currentColor"
                stroke-width="1.5"
                stroke-linejoin="round"
              />
            </svg>
            <p class="comments-empty-title">{c().emptyTitle}</p>
            <p class="comments-empty-body">{props.canComment ? c().emptyBody : c().emptyObserverBody}</p>
          </div>
        </Match>
        <Match when={true}>
          <ol class="threads">
            <For each={threadIds()}>
              {(threadId) => (
                <Show when={threadById().get(threadId)}>
                  {(thread) => (
                    <li>
                      <CommentThread thread={thread()} {...threadProps()} />
                    </li>
                  )}
                </Show>
              )}
            </For>
          </ol>
        </Match>
      </Switch>

      <Show when={props.canComment && state.status !== 'error'}>
        <CommentComposer
          members={props.members}
          selfId={selfId()}
          onSubmit={(input) => actions.post(input)}
        />
      </Show>

      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement()}
      </p>
    </section>
  );
}
