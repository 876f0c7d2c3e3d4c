/**
 * Guards better-auth's endpoints that check a password with the password attempt limits
 * (password-attempts.ts): sign-in, and those where a signed-in user re-enters theirs; and the
 * second step's codes, per address. Each
 * reserves an attempt for the account (the address in the sign-in body; the session's user
 * otherwise) and the client address, lets better-auth check the password, and reads its
 * answer: a wrong password stays counted, success clears the account's failures, anything else
 * checked no password and counts nothing. Only the HTTP exchange is relied on, not
 * better-auth's internals.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { toErrorBody } from '../errors.ts';
import type { AppEnv } from '../http/context.ts';
import type { Auth } from './auth.ts';
import { type AttemptCheck, type PasswordAttempts, TooManyAttempts } from './password-attempts.ts';

export const SIGN_IN_PATH = '/auth/sign-in/email';
/** better-auth's endpoints where a signed-in user re-enters their password */
export const REAUTHENTICATION_PATHS = [
  '/auth/change-password',
  '/auth/verify-password',
  '/auth/delete-user',
  '/auth/two-factor/enable',
  '/auth/two-factor/get-totp-uri',
  '/auth/two-factor/disable',
  '/auth/two-factor/generate-backup-codes',
] as const;

/** better-auth's endpoints that check the second step's code (an authenticator's, or a backup code) */
export const SECOND_STEP_PATHS = [
  '/auth/two-factor/verify-totp',
  '/auth/two-factor/verify-backup-code',
] as const;
/** what better-auth answers a wrong code with (401) */
const WRONG_CODES = new Set(['INVALID_CODE', 'INVALID_BACKUP_CODE']);

export function limitSignIn(attempts: PasswordAttempts): MiddlewareHandler<AppEnv> {
  return async function limitPasswordGuesses(c, next) {
    if (c.req.method !== 'POST') return next();
    const email = await emailOf(c.req.raw.clone());
    // better-auth refuses a sign-in without an address before checking any password
    if (email === null) return next();
    const check = await attempts.begin({ account: email, address: c.get('clientIp') });
    return guarded(c, next, check, async (res) => res.status === 401);
  };
}

export function limitReauthentication(attempts: PasswordAttempts, auth: Auth): MiddlewareHandler<AppEnv> {
  return async function limitPasswordReentry(c, next) {
    if (c.req.method !== 'POST') return next();
    const session = await auth.api.getSession({ headers: c.req.raw.headers });
    // better-auth refuses these without a session, before checking any password
    if (!session) return next();
    const check = await attempts.begin({ account: session.user.email, address: c.get('clientIp') });
    return guarded(c, next, check, async (res) => {
      if (res.status !== 400) return false;
      const body = (await res
        .clone()
        .json()
        .catch(() => null)) as { code?: unknown } | null;
      return body?.code === 'INVALID_PASSWORD';
    });
  };
}

/**
 * The second step counts wrong codes against the client address only: the account's own are
 * counted by the two-factor plugin (five per sign-in, a lock after ten in a row), and the
 * account is not known here before better-auth reads its signed cookie. Right codes count
 * nothing, so a hospital's staff signing in at once are never turned away for being many.
 */
export function limitSecondStep(attempts: PasswordAttempts): MiddlewareHandler<AppEnv> {
  return async function limitCodeGuesses(c, next) {
    if (c.req.method !== 'POST') return next();
    const check = await attempts.begin({ address: c.get('clientIp') });
    return guarded(c, next, check, async (res) => {
      if (res.status !== 401) return false;
      const body = (await res
        .clone()
        .json()
        .catch(() => null)) as { code?: unknown } | null;
      return typeof body?.code === 'string' && WRONG_CODES.has(body.code);
    });
  };
}

/** Runs the endpoint within a reserved attempt, or answers 429 without running it. */
async function guarded(
  c: Context<AppEnv>,
  next: () => Promise<void>,
  check: AttemptCheck,
  wrongPassword: (res: Response) => Promise<boolean>,
) {
  if (!check.ok) {
    const refusal = new TooManyAttempts(check.retryAfterSeconds);
    return c.json(toErrorBody(refusal), 429, { 'Retry-After': String(check.retryAfterSeconds) });
  }
  try {
    await next();
  } catch (err) {
    await check.attempt.abandoned();
    throw err;
  }
  if (c.res.status >= 200 && c.res.status < 300) await check.attempt.succeeded();
  else if (!(await wrongPassword(c.res))) await check.attempt.abandoned();
}

/** The e-mail address of a sign-in body (JSON or a form, as better-auth reads both), or null. */
async function emailOf(request: Request): Promise<string | null> {
  const type = request.headers.get('content-type') ?? '';
  try {
    const text = await request.text();
    const email = type.includes('application/x-www-form-urlencoded')
      ? new URLSearchParams(text).get('email')
      : (JSON.parse(text) as { email?: unknown } | null)?.email;
    // an address is at most 254 characters (RFC 5321); longer ones are refused as malformed
    return typeof email === 'string' && email.trim() && email.length <= 320 ? email : null;
  } catch {
    return null; // not JSON: better-auth refuses it
  }
}
