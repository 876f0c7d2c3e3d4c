import { type JSX, Show } from 'solid-js';

/**
 * The designed states of a list or page (empty, no results, error, not found): a title, a
 * sentence that says what happened and what to do next, and the action that does it.
 */
export function StatePanel(props: {
  title: string;
  body: string;
  tone?: 'neutral' | 'error';
  icon?: 'empty' | 'search' | 'error' | 'lock';
  /** 1 when the state is the whole page (not found), so the page keeps its one h1 */
  level?: 1 | 2;
  children?: JSX.Element;
}) {
  return (
    <section
      class="state-panel"
      classList={{ 'state-error': props.tone === 'error' }}
      role={props.tone === 'error' ? 'alert' : undefined}
    >
      <StateIcon kind={props.icon ?? 'empty'} />
      <Show when={props.level === 1} fallback={<h2 class="state-title">{props.title}</h2>}>
        <h1 class="state-title">{props.title}</h1>
      </Show>
      <p class="state-body">{props.body}</p>
      <Show when={props.children}>
        <div class="state-actions">{props.children}</div>
      </Show>
    </section>
  );
}

function StateIcon(props: { kind: 'empty' | 'search' | 'error' | 'lock' }) {
  const paths: Record<typeof props.kind, string> = {
    empty: 'M4 7h16v12H4zM4 7l2-3h12l2 3M9 12h6',
    search: 'M10.5 17a6.5 6.5 0 1 1 0-13 6.5 6.5 0 0 1 0 13ZM15.5 15.5 20 20',
    error: 'M12 3 22 20H2L12 3ZM12 9.5v4.5M12 16.8v.4',
    lock: 'M6 11h12v9H6zM8.5 11V8a3.5 3.5 0 0 1 7 0v3',
  };
  return (
    <svg class="state-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path
        d={paths[props.kind]}
        fill="none"
        stroke="currentColor"
        stroke-width="1.5"
        stroke-linejoin="round"
      />
    </svg>
  );
}
