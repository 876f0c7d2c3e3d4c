/**
 * The maturation frameworks (tracks and their stages) as the server stores them, with the
 * lookups the screens need: a track's name and a stage's name in the current language.
 */
import { createStore } from 'solid-js/store';
import type { Locale } from '../../shared/domain.ts';
import type { Framework, FrameworkCatalogue } from '../../shared/schemas/frameworks.ts';
import type { Api } from '../api.ts';

type Stage = Framework['stages'][number];

export interface FrameworksState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  catalogue: FrameworkCatalogue | null;
}

export function createFrameworksStore(api: Pick<Api, 'frameworks'>) {
  const [state, setState] = createStore<FrameworksState>({ status: 'idle', catalogue: null });

  const actions = {
    async load(): Promise<void> {
      if (state.status === 'loading' || state.status === 'ready') return;
      setState('status', 'loading');
      try {
        setState({ status: 'ready', catalogue: await api.frameworks() });
      } catch (err) {
        // The screens fall back to generic stage names and track ids; say why in the console.
        console.warn('frameworks could not be loaded', err);
        setState('status', 'error');
      }
    },
    /** Reads the catalogue again: a manager just made a new version, or copied a framework. */
    async reload(): Promise<void> {
      try {
        setState({ status: 'ready', catalogue: await api.frameworks() });
      } catch (err) {
        // Keeps what it had: the screens still read the versions they were showing.
        console.warn('frameworks could not be reloaded', err);
      }
    },
    tracks(): Framework[] {
      return state.catalogue?.frameworks ?? [];
    },
    track(id: string): Framework | undefined {
      return state.catalogue?.frameworks.find((f) => f.id === id);
    },
    trackName(id: string, locale: Locale): string {
      return actions.track(id)?.name[locale] ?? id;
    },
    stage(trackId: string, index: number): Stage | undefined {
      return actions.track(trackId)?.stages.find((s) => s.index === index);
    },
  };
  return [state, actions] as const;
}

export type FrameworksStore = ReturnType<typeof createFrameworksStore>;
