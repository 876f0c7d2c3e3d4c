/**
 * The projects the user may see, with their maturation at a glance (milestone health,
 * readiness levels), loaded whole and filtered in the browser: a portfolio holds tens of
 * projects, not thousands, and filtering locally keeps typing instant and lets the page tell
 * "you have no projects" from "no project matches". The list outlives the page, so coming back
 * to the portfolio shows it at once while it refreshes; a failed refresh keeps it.
 *
 * Live: `listen(socket)` refetches the list when the server says a visible project changed
 * (`project:changed`) and after a reconnection (events may have been missed meanwhile).
 * Changes come in bursts (a stage change touches the card and its milestones; a co-editing
 * session sends many), so refetches are debounced: one request per quiet period.
 */
import type { Socket } from 'socket.io-client';
import { batch } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { APP_EVENTS } from '../../shared/protocol/index.ts';
import type { PortfolioProject, ProjectHealth, ProjectSummary } from '../../shared/schemas/projects.ts';

export interface ProjectsState {
  status: 'loading' | 'ready' | 'error';
  projects: PortfolioProject[];
  /** the last refresh failed; `projects` is what was loaded before */
  stale: boolean;
  /** why the last load failed (an ApiError, usually) */
  error: unknown;
}

export interface ProjectsSource {
  projects(): Promise<{ projects: (ProjectSummary | PortfolioProject)[] }>;
}

/** The socket's part this store uses, so tests can hand it a fake. */
export type ProjectEvents = Pick<Socket, 'on' | 'off'>;

export const REFRESH_DEBOUNCE_MS = 400;

const noHealth: ProjectHealth = { total: 0, done: 0, overdue: 0, atRisk: 0, blocked: 0, doneThisMonth: 0 };

/** A server that predates the maturation columns sends bare summaries: show them as unscored. */
export function toPortfolioProject(p: ProjectSummary | PortfolioProject): PortfolioProject {
  const rich = p as Partial<PortfolioProject>;
  return {
    ...p,
    health: rich.health ?? noHealth,
    readiness: rich.readiness ?? {},
    level: rich.level ?? null,
  };
}

export function createProjectsStore(
  api: ProjectsSource,
  timers: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> = globalThis,
) {
  const [state, setState] = createStore<ProjectsState>({
    status: 'loading',
    projects: [],
    stale: false,
    error: null,
  });

  // Bumped by reset: an answer to a request made before it is dropped.
  let generation = 0;
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<void> | null = null;
  let again = false;

  const cancelRefresh = () => {
    if (refreshTimer !== null) timers.clearTimeout(refreshTimer);
    refreshTimer = null;
  };

  async function fetchList(): Promise<void> {
    const asked = generation;
    const hadList = state.status === 'ready';
    if (!hadList) setState({ status: 'loading', error: null });
    try {
      const { projects } = await api.projects();
      if (asked !== generation) return;
      batch(() => {
        setState('projects', reconcile(projects.map(toPortfolioProject), { key: 'id' }));
        setState({ status: 'ready', stale: false, error: null });
      });
    } catch (err) {
      if (asked !== generation) return;
      if (hadList) setState({ stale: true, error: err });
      else setState({ status: 'error', error: err });
    }
  }

  const actions = {
    /** forget the list (another user signed in) */
    reset() {
      generation += 1;
      cancelRefresh();
      setState({ status: 'loading', projects: [], stale: false, error: null });
    },
    /**
     * Loads the list. A call while a load is running waits for it and then loads once more,
     * so the last answer always reflects the last change announced.
     */
    async load(): Promise<void> {
      if (inFlight) {
        again = true;
        return inFlight;
      }
      inFlight = (async () => {
        try {
          do {
            again = false;
            await fetchList();
          } while (again);
        } finally {
          inFlight = null;
        }
      })();
      return inFlight;
    },
    /** a refetch after a quiet period; calls meanwhile push it back */
    refreshSoon(delayMs = REFRESH_DEBOUNCE_MS) {
      cancelRefresh();
      refreshTimer = timers.setTimeout(() => {
        refreshTimer = null;
        void actions.load();
      }, delayMs);
    },
    /** follows the server's project events; returns the unsubscribe */
    listen(events: ProjectEvents): () => void {
      const onChanged = () => actions.refreshSoon();
      const onReconnect = () => actions.refreshSoon(0);
      events.on(APP_EVENTS.projectChanged, onChanged);
      events.on('connect', onReconnect);
      return () => {
        events.off(APP_EVENTS.projectChanged, onChanged);
        events.off('connect', onReconnect);
        cancelRefresh();
      };
    },
  };
  return [state, actions] as const;
}

export type ProjectsStore = ReturnType<typeof createProjectsStore>;
