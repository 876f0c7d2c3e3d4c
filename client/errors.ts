/**
 * The client's one error path. Every failed request becomes an `ApiError` with a code, whether
 * the server answered `{ error: { code, message } }` (Jalon), `{ code, message }` (better-auth
 * under /api/auth), something else, or did not answer at all (`network`); `describeError`
 * tells it in the user's language.
 */
import type { Messages } from './i18n/messages.ts';

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

/** The server could not be reached: no status, no body. */
export function networkError(err: unknown): ApiError {
  return new ApiError('network', err instanceof Error ? err.message : 'Network failure', 0);
}

/** A reply that is not 2xx, with its parsed JSON body (null when there was none). */
export function toApiError(res: Response, payload: unknown): ApiError {
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

/** A failed request, told in the user's language: what happened, in one sentence. */
export function describeError(err: unknown, t: Messages): string {
  if (!(err instanceof ApiError)) return t.errors.server;
  if (err.isNetwork) return t.errors.network;
  switch (err.status) {
    case 401:
      return t.errors.unauthenticated;
    case 403:
      return t.errors.forbidden;
    case 404:
      return t.errors.notFound;
    case 429:
      return t.errors.rateLimited;
    default:
      return t.errors.server;
  }
}
