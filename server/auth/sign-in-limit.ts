/**
 * Guards better-auth's e-mail sign-in with the password attempt limits (password-attempts.ts):
 * reads the address from a copy of the body, reserves an attempt for that account and the
 * client address, lets better-auth check the password, and reads its answer: 401 is a wrong
 * password (counted), success clears the account's failures, anything else checked no
 * password and counts nothing. Only the HTTP exchange is relied on, not better-auth's internals.
 */
import type { MiddlewareHandler } from 'hono';
import { toErrorBody } from '../errors.ts';
import type { AppEnv } from '../http/context.ts';
import { type PasswordAttempts, TooManyAttempts } from './password-attempts.ts';

export const SIGN_IN_PATH = '/auth/sign-in/email';

export function limitSignIn(attempts: PasswordAttempts): MiddlewareHandler<AppEnv> {
  return async function limitPasswordGuesses(c, next) {
    if (c.req.method !== 'POST') return next();
    const email = await emailOf(c.req.raw.clone());
    // better-auth refuses a sign-in without an address before checking any password
    if (email === null) return next();
    const check = await attempts.begin({ account: email, address: c.get('clientIp') });
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
    const status = c.res.status;
    if (status >= 200 && status < 300) await check.attempt.succeeded();
    else if (status !== 401) await check.attempt.abandoned();
  };
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
