/**
 * Search as you type over the projects and milestones the user may see (GET /api/search).
 * Typing is debounced: the request leaves once the user pauses, the one before it is aborted,
 * and an answer to an older query is dropped, so the list always matches what the box says.
 * While a new query is on its way the previous hits stay in view (no flicker between letters).
 */
import { batch } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import type { SearchHit } from './search-api.ts';

export type SearchStatus = 'idle' | 'short' | 'loading' | 'ready' | 'error';

export interface SearchState {
  /** what the box says */
  query: string;
  /** idle: nothing typed; short: too little to search; ready: `hits` answer `answered` */
  status: SearchStatus;
  hits: SearchHit[];
  /** the query `hits` answer */
  answered: string;
  error: unknown;
}

export type SearchFn = (q: string, signal: AbortSignal) => Promise<SearchHit[]>;

export const SEARCH_DEBOUNCE_MS = 200;
export const SEARCH_MIN_CHARS = 2;

/** Enough to search: two letters or digits (FTS5 prefix terms of one letter match everything). */
export function isSearchable(query: string): boolean {
  return query.replace(/[^\p{L}\p{N}]/gu, '').length >= SEARCH_MIN_CHARS;
}

export function createSearchStore(
  search: SearchFn,
  options: {
    delayMs?: number;
    timers?: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'>;
  } = {},
) {
  const delayMs = options.delayMs ?? SEARCH_DEBOUNCE_MS;
  const timers = options.timers ?? globalThis;
  const [state, setState] = createStore<SearchState>({
    query: '',
    status: 'idle',
    hits: [],
    answered: '',
    error: null,
  });
  let timer: ReturnType<typeof setTimeout> | null = null;
  let controller: AbortController | null = null;

  const cancel = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    controller?.abort();
    controller = null;
  };

  async function run(query: string): Promise<void> {
    cancel();
    const mine = new AbortController();
    controller = mine;
    setState({ status: 'loading', error: null });
    try {
      const hits = await search(query.trim(), mine.signal);
      if (controller !== mine) return;
      batch(() => {
        setState('hits', reconcile(hits, { key: 'id' }));
        setState({ status: 'ready', answered: query, error: null });
      });
    } catch (err) {
      if (controller !== mine || mine.signal.aborted) return;
      setState({ status: 'error', error: err });
    } finally {
      if (controller === mine) controller = null;
    }
  }

  const actions = {
    setQuery(query: string) {
      if (query === state.query && state.status !== 'error') return;
      cancel();
      setState('query', query);
      if (!isSearchable(query)) {
        setState({ status: query.trim() ? 'short' : 'idle', hits: [], answered: '', error: null });
        return;
      }
      setState({ status: 'loading', error: null });
      timer = timers.setTimeout(() => {
        timer = null;
        void run(query);
      }, delayMs);
    },
    /** search again at once (after an error) */
    retry() {
      if (isSearchable(state.query)) void run(state.query);
    },
    clear() {
      actions.setQuery('');
    },
    dispose() {
      cancel();
    },
  };
  return [state, actions] as const;
}

export type SearchStore = ReturnType<typeof createSearchStore>;
