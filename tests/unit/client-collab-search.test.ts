/**
 * Search as you type: one request per pause, the previous one aborted, stale answers dropped,
 * too-short queries never sent, errors retried; and the title highlighting and hit links.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { highlightWords } from '../../client/features/search/highlight.ts';
import { hitHref } from '../../client/features/search/hit-href.ts';
import type { SearchHit } from '../../client/features/search/search-api.ts';
import {
  createSearchStore,
  isSearchable,
  SEARCH_DEBOUNCE_MS,
  type SearchFn,
} from '../../client/features/search/search-store.ts';

function hit(title: string, over: Partial<SearchHit> = {}): SearchHit {
  return {
    kind: 'milestone',
    id: title,
    projectId: 'p1',
    projectTitle: 'P',
    title,
    snippet: [],
    archived: false,
    ...over,
  };
}

describe('search store', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for a pause in typing and sends one request for the last query', async () => {
    const search = vi.fn<SearchFn>(async (q) => [hit(`hit for ${q}`)]);
    const [state, actions] = createSearchStore(search);
    for (const q of ['s', 'se', 'sec', 'secu', 'securite']) {
      actions.setQuery(q);
      await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS / 2);
    }
    expect(search).not.toHaveBeenCalled();
    expect(state.status).toBe('loading');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(search).toHaveBeenCalledTimes(1);
    expect(search.mock.calls[0]![0]).toBe('securite');
    expect(state).toMatchObject({ status: 'ready', answered: 'securite' });
    expect(state.hits.map((h) => h.title)).toEqual(['hit for securite']);
  });

  it('aborts the request in flight when the query changes, and drops its late answer', async () => {
    const answers: ((hits: SearchHit[]) => void)[] = [];
    const signals: AbortSignal[] = [];
    const search = vi.fn<SearchFn>(
      (_q, signal) =>
        new Promise((resolve) => {
          signals.push(signal);
          answers.push(resolve);
        }),
    );
    const [state, actions] = createSearchStore(search);
    actions.setQuery('glp');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    actions.setQuery('glp tox');
    expect(signals[0]!.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    answers[1]!([hit('GLP toxicology')]);
    await vi.advanceTimersByTimeAsync(0);
    answers[0]!([hit('old answer')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(state.answered).toBe('glp tox');
    expect(state.hits.map((h) => h.title)).toEqual(['GLP toxicology']);
  });

  it('does not search on less than two letters, and clears', async () => {
    const search = vi.fn<SearchFn>(async () => [hit('x')]);
    const [state, actions] = createSearchStore(search);
    actions.setQuery('é');
    expect(state.status).toBe('short');
    actions.setQuery('  ');
    expect(state.status).toBe('idle');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS * 2);
    expect(search).not.toHaveBeenCalled();
    expect(isSearchable('sé')).toBe(true);
    expect(isSearchable('"*')).toBe(false);

    actions.setQuery('ctdna');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(state.hits).toHaveLength(1);
    actions.clear();
    expect(state).toMatchObject({ status: 'idle', query: '', hits: [] });
  });

  it('shows an error and searches again on retry', async () => {
    const search = vi
      .fn<SearchFn>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValueOnce([hit('back')]);
    const [state, actions] = createSearchStore(search);
    actions.setQuery('vector');
    await vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS);
    expect(state.status).toBe('error');
    actions.retry();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.status).toBe('ready');
    expect(state.hits[0]!.title).toBe('back');
  });
});

describe('highlighting and links', () => {
  it('marks the title words that start with a query word, accents and case ignored', () => {
    expect(highlightWords('Étude de sécurité GLP', 'securite glp')).toEqual([
      { text: 'Étude de ', match: false },
      { text: 'sécurité', match: true },
      { text: ' ', match: false },
      { text: 'GLP', match: true },
    ]);
    expect(highlightWords('GLP toxicology study', 'tox')).toEqual([
      { text: 'GLP ', match: false },
      { text: 'tox', match: true },
      { text: 'icology study', match: false },
    ]);
    expect(highlightWords('Nothing here', 'zz')).toEqual([{ text: 'Nothing here', match: false }]);
  });

  it('opens the project, with the milestone selected for a milestone hit', () => {
    expect(hitHref({ kind: 'project', id: 'p 1', projectId: 'p 1' })).toBe('/projects/p%201');
    expect(hitHref({ kind: 'milestone', id: 'm1', projectId: 'p1' })).toBe('/projects/p1?m=m1');
  });
});
