/** Search over the projects and milestones the user may see (GET /api/search). */
import { request } from '../../api.ts';

/** One hit, as server/search/search.routes.ts answers it. */
export interface SearchHit {
  kind: 'project' | 'milestone';
  id: string;
  projectId: string;
  projectTitle: string;
  title: string;
  /** a short excerpt, split into parts; `match` marks the words that matched */
  snippet: { text: string; match: boolean }[];
}

export const SEARCH_LIMIT = 12;

export const searchApi = {
  search: (q: string, signal?: AbortSignal) =>
    request<{ hits: SearchHit[] }>(
      'GET',
      `/api/search?q=${encodeURIComponent(q)}&limit=${SEARCH_LIMIT}`,
      undefined,
      { signal },
    ).then((r) => r.hits),
};
