/**
 * The projects the user may see, loaded whole and filtered in the browser: a portfolio holds
 * tens of projects, not thousands, and filtering locally keeps typing instant and lets the page
 * tell "you have no projects" from "no project matches". The list outlives the page, so coming
 * back to the portfolio shows it at once while it refreshes; a failed refresh keeps it.
 */
import { batch } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import type { ProjectSummary } from '../../shared/api.ts';
import type { Api } from '../api.ts';

export interface ProjectsState {
  status: 'loading' | 'ready' | 'error';
  projects: ProjectSummary[];
  /** the last refresh failed; `projects` is what was loaded before */
  stale: boolean;
  /** why the last load failed (an ApiError, usually) */
  error: unknown;
}

export function createProjectsStore(api: Pick<Api, 'projects'>) {
  const [state, setState] = createStore<ProjectsState>({
    status: 'loading',
    projects: [],
    stale: false,
    error: null,
  });

  // Bumped by reset: an answer to a request made before it is dropped.
  let generation = 0;

  const actions = {
    /** forget the list (another user signed in) */
    reset() {
      generation += 1;
      setState({ status: 'loading', projects: [], stale: false, error: null });
    },
    async load(): Promise<void> {
      const asked = generation;
      const hadList = state.status === 'ready';
      if (!hadList) setState({ status: 'loading', error: null });
      try {
        const { projects } = await api.projects();
        if (asked !== generation) return;
        batch(() => {
          setState('projects', reconcile(projects, { key: 'id' }));
          setState({ status: 'ready', stale: false, error: null });
        });
      } catch (err) {
        if (asked !== generation) return;
        if (hadList) setState({ stale: true, error: err });
        else setState({ status: 'error', error: err });
      }
    },
  };
  return [state, actions] as const;
}

export type ProjectsStore = ReturnType<typeof createProjectsStore>;
