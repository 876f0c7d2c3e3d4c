/** Search over the projects and milestones the user may see (GET /api/search). */
import type { SearchHit } from '../../../shared/schemas/search.ts';
import { request } from '../../api.ts';

export type { SearchHit };

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
