/**
 * The client's one door to the server: `request`, a typed fetch wrapper, and the calls every
 * part of the app makes (session, projects, frameworks, invitations). Each failure becomes an
 * `ApiError` (client/errors.ts). Types come from shared/ as types only, so no server or zod
 * code is bundled.
 */
import type { z } from 'zod';
import type { FrameworkCatalogue } from '../shared/schemas/frameworks.ts';
import type { Me, UpdateMeBody } from '../shared/schemas/me.ts';
import type { InvitationPreview, MemberList } from '../shared/schemas/members.ts';
import type { ProjectDetail, ProjectMilestones, ProjectSummary } from '../shared/schemas/projects.ts';
import { networkError, toApiError } from './errors.ts';

export interface ApiHooks {
  /** a request could not reach the server */
  onNetworkFailure?: () => void;
  /** a request got an answer, whatever it was */
  onNetworkSuccess?: () => void;
  /** the server says the session is gone (401 outside sign-in) */
  onUnauthenticated?: () => void;
  /** the cluster requires two-factor authentication of this account, and it is not on yet */
  onTwoFactorRequired?: () => void;
}

let hooks: ApiHooks = {};

export function setApiHooks(next: ApiHooks): void {
  hooks = next;
}

export interface RequestOptions {
  /** aborts the request; an aborted request rejects with the fetch's own AbortError */
  signal?: AbortSignal;
}

/**
 * One JSON request to the API, the only `fetch` of the REST calls: the app-wide calls below and
 * each feature's `<feature>-api.ts` build on it, typed with the response types from shared/.
 */
export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      signal: options.signal,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    // An abort is the caller's own doing, not the network's: let it through as is.
    if (options.signal?.aborted) throw err;
    hooks.onNetworkFailure?.();
    throw networkError(err);
  }
  hooks.onNetworkSuccess?.();
  const payload: unknown = await readJson(res);
  if (res.ok) return payload as T;
  const error = toApiError(res, payload);
  if (error.status === 401 && !path.startsWith('/api/auth/')) hooks.onUnauthenticated?.();
  if (error.code === 'two_factor_required') hooks.onTwoFactorRequired?.();
  throw error;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    // A proxy's HTML error page, say: the status alone tells what happened.
    return null;
  }
}

export type Invitation = z.infer<typeof InvitationPreview>;
export type Members = z.infer<typeof MemberList>;

export interface ProjectListQuery {
  track?: string;
  stage?: number;
  mine?: boolean;
}

function query(params: ProjectListQuery): string {
  const search = new URLSearchParams();
  if (params.track) search.set('track', params.track);
  if (params.stage !== undefined) search.set('stage', String(params.stage));
  if (params.mine) search.set('mine', 'true');
  const s = search.toString();
  return s ? `?${s}` : '';
}

const enc = encodeURIComponent;

/** What the health check tells signed-out visitors about this server. */
export interface Health {
  ok: boolean;
  demo?: boolean;
  signup?: string;
  mail?: boolean;
}

export const api = {
  health: () => request<Health | null>('GET', '/api/health'),
  signIn: (email: string, password: string) =>
    request<unknown>('POST', '/api/auth/sign-in/email', { email, password }),
  signOut: () => request<unknown>('POST', '/api/auth/sign-out', {}),
  me: () => request<Me>('GET', '/api/me'),
  updateMe: (body: UpdateMeBody) => request<Me>('PATCH', '/api/me', body),
  projects: (params: ProjectListQuery = {}) =>
    request<{ projects: ProjectSummary[] }>('GET', `/api/projects${query(params)}`),
  project: (id: string) => request<ProjectDetail>('GET', `/api/projects/${enc(id)}`),
  /** the milestones as last projected on the server (the room's board until its document is there) */
  projectMilestones: (id: string) => request<ProjectMilestones>('GET', `/api/projects/${enc(id)}/milestones`),
  members: (projectId: string) => request<Members>('GET', `/api/projects/${enc(projectId)}/members`),
  frameworks: () => request<FrameworkCatalogue>('GET', '/api/frameworks'),
  invitation: (token: string) => request<Invitation>('GET', `/api/invitations/${enc(token)}`),
  acceptInvitation: (token: string) =>
    request<{ projectId: string }>('POST', `/api/invitations/${enc(token)}/accept`),
};

export type Api = typeof api;
