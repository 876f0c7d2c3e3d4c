/**
 * The client's one door to the server: a typed fetch wrapper. Every failure becomes an
 * `ApiError` with a code, whether the server answered `{ error: { code, message } }` (Jalon),
 * `{ code, message }` (better-auth under /api/auth), something else, or did not answer at all
 * (`network`). Types come from shared/ as types only, so no server or zod code is bundled.
 */
import type { z } from 'zod';
import type {
  FrameworkCatalogue,
  InvitationPreview,
  Me,
  MemberList,
  ProjectDetail,
  ProjectMilestones,
  ProjectSummary,
} from '../shared/api.ts';
import type { Locale } from '../shared/domain.ts';

export interface ApiIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    /** Jalon's error code (`not_found`, `rate_limited`…), better-auth's, or `network` */
    readonly code: string,
    message: string,
    /** HTTP status; 0 when the server could not be reached */
    readonly status: number,
    /** seconds to wait, when the server said so (429) */
    readonly retryAfter: number | null = null,
    /** what exactly was wrong, when the server listed it (fields, missing criteria) */
    readonly issues: readonly ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export interface ApiHooks {
  /** a request could not reach the server */
  onNetworkFailure?: () => void;
  /** a request got an answer, whatever it was */
  onNetworkSuccess?: () => void;
  /** the server says the session is gone (401 outside sign-in) */
  onUnauthenticated?: () => void;
}

let hooks: ApiHooks = {};

export function setApiHooks(next: ApiHooks): void {
  hooks = next;
}

/** One JSON request to the API; features with their own calls build on it. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    hooks.onNetworkFailure?.();
    throw new ApiError('network', err instanceof Error ? err.message : 'Network failure', 0);
  }
  hooks.onNetworkSuccess?.();
  const payload: unknown = await readJson(res);
  if (res.ok) return payload as T;
  const error = toApiError(res, payload);
  if (error.status === 401 && !path.startsWith('/api/auth/')) hooks.onUnauthenticated?.();
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

function toApiError(res: Response, payload: unknown): ApiError {
  const retryHeader = res.headers.get('retry-after') ?? res.headers.get('x-retry-after');
  const retryAfter = retryHeader && /^\d+$/.test(retryHeader) ? Number(retryHeader) : null;
  const shaped = pickError(payload);
  const code = shaped?.code ?? fallbackCode(res.status);
  return new ApiError(code, shaped?.message ?? res.statusText, res.status, retryAfter, shaped?.issues);
}

function pickError(payload: unknown): { code?: string; message?: string; issues?: ApiIssue[] } | null {
  if (!payload || typeof payload !== 'object') return null;
  const outer = payload as { error?: unknown; code?: unknown; message?: unknown; issues?: unknown };
  const inner = outer.error && typeof outer.error === 'object' ? (outer.error as typeof outer) : outer;
  return {
    code: typeof inner.code === 'string' ? inner.code : undefined,
    message: typeof inner.message === 'string' ? inner.message : undefined,
    issues: Array.isArray(inner.issues) ? inner.issues.filter(isIssue) : undefined,
  };
}

function isIssue(value: unknown): value is ApiIssue {
  const v = value as ApiIssue | null;
  return typeof v?.path === 'string' && typeof v.message === 'string';
}

function fallbackCode(status: number): string {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 413) return 'too_large';
  if (status === 415) return 'unsupported_media_type';
  if (status >= 500) return 'internal';
  return 'invalid_input';
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

export const api = {
  signIn: (email: string, password: string) =>
    request<unknown>('POST', '/api/auth/sign-in/email', { email, password }),
  signOut: () => request<unknown>('POST', '/api/auth/sign-out', {}),
  me: () => request<Me>('GET', '/api/me'),
  updateMe: (body: { locale: Locale }) => request<Me>('PATCH', '/api/me', body),
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
