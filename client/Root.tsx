import type { RouteSectionProps } from '@solidjs/router';
import { Match, onMount, Switch } from 'solid-js';
import { useApp, useI18n } from './app-context.tsx';
import { Shell } from './components/Shell.tsx';
import { StatePanel } from './components/StatePanel.tsx';

/**
 * The router's root: asks the server who is signed in before any page decides what to show,
 * and offers a retry when the server cannot be reached at all.
 */
export function Root(props: RouteSectionProps) {
  const { session } = useApp();
  const { t } = useI18n();
  onMount(() => void session[1].load());
  return (
    <Switch fallback={props.children}>
      <Match when={session[0].status === 'loading'}>
        <div class="boot" role="status" aria-live="polite">
          <span class="spinner" aria-hidden="true" />
          <span>{t().app.loading}</span>
        </div>
      </Match>
      <Match when={session[0].status === 'unreachable'}>
        <Shell width="narrow">
          <StatePanel
            title={t().app.unreachableTitle}
            body={t().app.unreachableBody}
            tone="error"
            icon="error"
            level={1}
          >
            <button type="button" class="button button-primary" onClick={() => void session[1].load()}>
              {t().app.retry}
            </button>
          </StatePanel>
        </Shell>
      </Match>
    </Switch>
  );
}
