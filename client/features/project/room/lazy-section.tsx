/**
 * A room's section whose code loads when it is first shown, not with the room: the board's first
 * paint needs only the board's code. While the chunk loads the panel shows what it waits for; if
 * it cannot load (offline, a deploy replaced it) the panel says so and offers to try again.
 */
import { type Component, createSignal, Match, Switch } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { useI18n } from '../../../app-context.tsx';
import { LoadFailed, Loading } from '../../../components/LoadStates.tsx';
import { networkError } from '../../../errors.ts';

export interface LazySection {
  (): ReturnType<Component>;
  /** starts loading the code (idempotent once loaded), for a prefetch */
  preload: () => Promise<Component>;
}

export function lazySection(load: () => Promise<Component>): LazySection {
  let loaded: Component | undefined;
  let pending: Promise<Component> | undefined;
  const preload = () => {
    if (loaded) return Promise.resolve(loaded);
    pending ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (err: unknown) => {
        // The next attempt fetches again.
        pending = undefined;
        throw err;
      },
    );
    return pending;
  };

  function Section() {
    const { t } = useI18n();
    const [state, setState] = createSignal<
      { kind: 'ready'; component: Component } | { kind: 'loading' } | { kind: 'failed'; error: unknown }
    >(loaded ? { kind: 'ready', component: loaded } : { kind: 'loading' });
    const start = () => {
      setState({ kind: 'loading' });
      preload().then(
        (component) => setState({ kind: 'ready', component }),
        // A chunk that did not arrive is a network failure to the user, whatever the browser says.
        (err: unknown) => setState({ kind: 'failed', error: networkError(err) }),
      );
    };
    if (!loaded) start();
    return (
      <Switch>
        <Match when={state().kind === 'ready' && (state() as { component: Component }).component}>
          {(component) => <Dynamic component={component()} />}
        </Match>
        <Match when={state().kind === 'failed' && (state() as { error: unknown })}>
          {(failed) => (
            <LoadFailed title={t().room.section.failed} error={failed().error} onRetry={start} level={2} />
          )}
        </Match>
        <Match when={true}>
          <Loading label={t().room.section.loading} />
        </Match>
      </Switch>
    );
  }
  return Object.assign(Section, { preload });
}
