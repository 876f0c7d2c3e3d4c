/** A failed request, told in the user's language: what happened, in one sentence. */
import { ApiError } from './api.ts';
import type { Messages } from './i18n/messages.ts';

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
