/** Turns a failed sign-in into a sentence that says what happened and what to do. */

import type { Locale } from '../../../shared/domain.ts';
import { ApiError } from '../../errors.ts';
import { formatNumber } from '../../i18n/format.ts';
import type { Messages } from '../../i18n/messages.ts';

export function signInErrorMessage(err: unknown, t: Messages, locale: Locale): string {
  if (!(err instanceof ApiError)) return t.signIn.unexpected(String(err));
  if (err.isNetwork) return t.signIn.networkError;
  if (err.status === 401) return t.signIn.wrongCredentials;
  if (err.code === 'ACCOUNT_DEACTIVATED') return t.sessionEnded.deactivated;
  if (err.code === 'SSO_REQUIRED') return t.signIn.ssoRequired;
  if (err.status === 403 && err.code === 'EMAIL_NOT_VERIFIED') return t.account.signIn.notVerified;
  if (err.status === 429)
    return t.signIn.rateLimited(formatNumber(locale, Math.ceil((err.retryAfter ?? 60) / 60)));
  // A malformed address is refused by better-auth with 400 before any password check.
  if (err.status === 400) return t.signIn.wrongCredentials;
  return t.signIn.unexpected(err.message);
}
