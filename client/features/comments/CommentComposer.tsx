import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import type { Comment, CommentVisibility } from '../../../shared/schemas/comments.ts';
import type { Member } from '../../../shared/schemas/members.ts';
import { useI18n } from '../../app-context.tsx';
import { describeError } from '../../errors.ts';
import { formatNumber } from '../../i18n/format.ts';
import { shortcutLabel } from '../search/shortcut.ts';
import { insertMention, matchMembers, mentionAt, mentionIds } from './mentions.ts';
import { VisibilityBadge } from './VisibilityBadge.tsx';

const MAX_BODY = 5000;

export interface ComposerSubmit {
  body: string;
  visibility: CommentVisibility;
  mentions: string[];
}

/**
 * Writes a new thread (with its visibility) or a reply (which keeps its thread's). Typing `@`
 * opens a list of the project's members: the textarea keeps the focus and points at the
 * highlighted one (aria-activedescendant), as in a combobox. Ctrl/⌘+Enter sends.
 */
export function CommentComposer(props: {
  members: readonly Member[];
  selfId: string | undefined;
  /** a reply: the thread it answers */
  replyTo?: Comment;
  autofocus?: boolean;
  onSubmit: (input: ComposerSubmit) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const { t, locale } = useI18n();
  const c = () => t().comments;
  const id = createUniqueId();
  const [body, setBody] = createSignal('');
  const [visibility, setVisibility] = createSignal<CommentVisibility>('team');
  const [caret, setCaret] = createSignal(0);
  const [dismissedAt, setDismissedAt] = createSignal<number | null>(null);
  const [active, setActive] = createSignal(0);
  const [sending, setSending] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let textarea: HTMLTextAreaElement | undefined;

  const chosenVisibility = () => (props.replyTo ? props.replyTo.visibility : visibility());
  // Observers never see a team comment: naming them in one would tell them nothing.
  const others = () =>
    props.members.filter(
      (m) => m.userId !== props.selfId && (chosenVisibility() === 'partners' || m.role !== 'observer'),
    );
  const mention = createMemo(() => {
    const m = mentionAt(body(), caret());
    return m && m.start !== dismissedAt() ? m : null;
  });
  const matches = createMemo(() => {
    const m = mention();
    return m ? matchMembers(others(), m.query) : [];
  });
  // A query with a space that names nobody is ordinary text after a finished mention: close.
  const open = () => {
    const m = mention();
    return m !== null && (matches().length > 0 || !/\s/.test(m.query));
  };
  const optionId = (i: number) => `${id}-member-${i}`;

  function syncCaret() {
    if (textarea) setCaret(textarea.selectionStart ?? 0);
  }

  function choose(member: Member) {
    const m = mention();
    if (!m || !textarea) return;
    const next = insertMention(body(), m.start, caret(), member.name);
    setBody(next.text);
    textarea.value = next.text;
    textarea.setSelectionRange(next.caret, next.caret);
    setCaret(next.caret);
    textarea.focus();
  }

  async function submit() {
    if (sending()) return;
    const text = body().trim();
    if (!text) return setError(c().emptyBodyError);
    if (text.length > MAX_BODY) return setError(c().tooLong(formatNumber(locale(), MAX_BODY)));
    setError(null);
    setSending(true);
    try {
      await props.onSubmit({
        body: text,
        visibility: chosenVisibility(),
        mentions: mentionIds(text, props.members),
      });
      setBody('');
      setCaret(0);
      if (textarea) textarea.value = '';
    } catch (err) {
      setError(c().postFailed(describeError(err, t())));
    } finally {
      setSending(false);
    }
  }

  function onKeyDown(e: KeyboardEvent) {
    if (open()) {
      const n = matches().length;
      if (e.key === 'ArrowDown' && n > 0) {
        e.preventDefault();
        setActive((i) => (i + 1) % n);
        return;
      }
      if (e.key === 'ArrowUp' && n > 0) {
        e.preventDefault();
        setActive((i) => (i - 1 + n) % n);
        return;
      }
      if ((e.key === 'Enter' || e.key === 'Tab') && !e.ctrlKey && !e.metaKey && n > 0) {
        e.preventDefault();
        const member = matches()[active()];
        if (member) choose(member);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setDismissedAt(mention()?.start ?? null);
        return;
      }
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
      return;
    }
    if (e.key === 'Escape' && props.onCancel && !body().trim()) {
      e.preventDefault();
      props.onCancel();
    }
  }

  const visibilityHelpId = `${id}-visibility-help`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  return (
    <form
      class="composer"
      classList={{ 'composer-reply': !!props.replyTo }}
      aria-label={props.replyTo ? c().replyLabel(props.replyTo.author.name) : c().newThread}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label for={`${id}-body`} classList={{ 'composer-label': true, 'visually-hidden': !!props.replyTo }}>
        {props.replyTo ? c().replyLabel(props.replyTo.author.name) : c().composerLabel}
      </label>
      <div class="composer-field">
        <textarea
          ref={(el) => {
            textarea = el;
            if (props.autofocus) queueMicrotask(() => el.focus());
          }}
          id={`${id}-body`}
          class="composer-input"
          rows={props.replyTo ? 2 : 3}
          maxLength={MAX_BODY + 200}
          placeholder={props.replyTo ? c().replyPlaceholder : c().placeholder}
          aria-autocomplete="list"
          aria-controls={open() ? `${id}-members` : undefined}
          aria-activedescendant={open() && matches().length > 0 ? optionId(active()) : undefined}
          aria-describedby={`${hintId}${error() ? ` ${errorId}` : ''}`}
          aria-invalid={error() ? 'true' : undefined}
          readOnly={sending()}
          onInput={(e) => {
            setBody(e.currentTarget.value);
            setActive(0);
            setDismissedAt(null);
            syncCaret();
            if (error()) setError(null);
          }}
          onKeyDown={onKeyDown}
          onKeyUp={(e) => {
            if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) syncCaret();
          }}
          onClick={syncCaret}
          onBlur={() => setDismissedAt(mention()?.start ?? null)}
          onFocus={() => setDismissedAt(null)}
        />
        <Show when={open()}>
          <div class="mention-popup">
            <Show when={matches().length > 0} fallback={<p class="mention-empty">{c().mentions.noMatch}</p>}>
              <div
                id={`${id}-members`}
                role="listbox"
                class="mention-list"
                aria-label={c().mentions.listLabel}
              >
                <For each={matches()}>
                  {(member, i) => (
                    // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard picks options from the textarea (aria-activedescendant), as the combobox pattern says
                    <div
                      id={optionId(i())}
                      role="option"
                      tabIndex={-1}
                      aria-selected={i() === active()}
                      class="mention-option"
                      onMouseDown={(e) => e.preventDefault()}
                      onMouseEnter={() => setActive(i())}
                      onClick={() => choose(member)}
                    >
                      <span class="avatar avatar-small" aria-hidden="true">
                        {initials(member.name)}
                      </span>
                      <span class="mention-name">{member.name}</span>
                      <span class="mention-role">{t().roles[member.role]}</span>
                    </div>
                  )}
                </For>
              </div>
            </Show>
          </div>
        </Show>
      </div>

      <Show
        when={!props.replyTo}
        fallback={
          <p class="composer-note">
            <Show when={props.replyTo}>
              {(thread) => <VisibilityBadge visibility={thread().visibility} />}
            </Show>
            <span>{c().replyKeepsVisibility}</span>
          </p>
        }
      >
        <fieldset class="visibility-choice" aria-describedby={visibilityHelpId}>
          <legend class="visibility-legend">{c().visibility.legend}</legend>
          <div class="segmented">
            <For each={['team', 'partners'] as const}>
              {(v) => (
                <label class="segment">
                  <input
                    type="radio"
                    name={`${id}-visibility`}
                    value={v}
                    checked={visibility() === v}
                    disabled={sending()}
                    onChange={() => setVisibility(v)}
                  />
                  <span>{c().visibility[v]}</span>
                </label>
              )}
            </For>
          </div>
          <p
            id={visibilityHelpId}
            class="visibility-help"
            classList={{ 'visibility-help-partners': visibility() === 'partners' }}
          >
            {visibility() === 'team' ? c().visibility.teamHelp : c().visibility.partnersHelp}
          </p>
        </fieldset>
      </Show>

      <Show when={error()}>
        <p id={errorId} class="composer-error" role="alert">
          {error()}
        </p>
      </Show>

      <div class="composer-actions">
        <span id={hintId} class="composer-hint">
          {c().sendShortcut(shortcutLabel('Enter'))}
          <span class="visually-hidden">. {c().mentions.hint}</span>
        </span>
        <Show when={props.onCancel}>
          <button type="button" class="button button-ghost button-small" onClick={() => props.onCancel?.()}>
            {c().cancel}
          </button>
        </Show>
        <button type="submit" class="button button-primary button-small" disabled={sending()}>
          {sending() ? c().sending : props.replyTo ? c().sendReply : c().send}
        </button>
      </div>
    </form>
  );
}

export function initials(name: string): string {
  const words = name
    .replace(/^(dr|pr|prof)\.?\s+/i, '')
    .split(/\s+/)
    .filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toUpperCase();
}
