/**
 * The REST calls of the collaboration features: comments on milestones, search, and the
 * portfolio list with its maturation columns. Types come from shared/ as types only.
 *
 * Why not in client/api.ts: that file was owned by another engineer while these features were
 * built in parallel, and its `request` is private. This module repeats its error mapping
 * (every failure becomes an `ApiError` with a code) in a few lines; fold it into `api` when
 * the two can be edited together.
 */
import type { Comment, CreateCommentBody, PortfolioProject } from '../../shared/api.ts';
import { ApiError } from '../api.ts';

export interface SearchHit {
  kind: 'project' | 'milestone';
  id: string;
  projectId: string;
  projectTitle: string;
  title: string;
  /** a short excerpt, split into parts; `match` marks the words that matched */
  snippet: { text: string; match: boolean }[];
}

const enc = encodeURIComponent;

async function send<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      signal,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    // An abort is the caller's own doing: let it through as is, so it can be told apart.
    if (signal?.aborted) throw err;
    throw new ApiError('network', err instanceof Error ? err.message : 'Network failure', 0);
  }
  const text = await res.text();
  let payload: unknown = null;
  try {
    payload = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (a proxy's error page): the status says what happened.
  }
  if (res.ok) return payload as T;
  const shaped = (payload as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof shaped?.code === 'string' ? shaped.code : fallbackCode(res.status);
  const message = typeof shaped?.message === 'string' ? shaped.message : res.statusText;
  throw new ApiError(code, message, res.status);
}

function fallbackCode(status: number): string {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'internal';
  return 'invalid_input';
}

export const collabApi = {
  portfolio: () => send<{ projects: PortfolioProject[] }>('GET', '/api/projects'),
  comments: (projectId: string, milestoneId: string) =>
    send<{ comments: Comment[] }>(
      'GET',
      `/api/projects/${enc(projectId)}/comments?milestoneId=${enc(milestoneId)}`,
    ).then((r) => r.comments),
  createComment: (projectId: string, body: CreateCommentBody) =>
    send<Comment>('POST', `/api/projects/${enc(projectId)}/comments`, body),
  setCommentResolved: (projectId: string, commentId: string, resolved: boolean) =>
    send<Comment>('PATCH', `/api/projects/${enc(projectId)}/comments/${enc(commentId)}`, { resolved }),
  search: (q: string, signal?: AbortSignal) =>
    send<{ hits: SearchHit[] }>('GET', `/api/search?q=${enc(q)}&limit=12`, undefined, signal).then(
      (r) => r.hits,
    ),
};

export type CollabApi = typeof collabApi;
