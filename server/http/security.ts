/**
 * Security basics for every response and every write: headers with a real CSP, a same-origin
 * check for unsafe methods (CSRF), a body size limit, and request budgets per person and per address.
 */
import { createHash } from 'node:crypto';
import { getSessionCookie } from 'better-auth/cookies';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { rateLimiter } from 'hono-rate-limiter';
import { AppError, toErrorBody } from '../errors.ts';
import type { AppEnv } from './context.ts';

export const MAX_BODY_BYTES = 256 * 1024;

export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Solid sets style attributes at run time; scripts stay strictly same-origin.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'strict-origin-when-cross-origin',
    crossOriginResourcePolicy: 'same-origin',
  });
}

/**
 * Browsers send Origin (and Sec-Fetch-Site) with every cross-site write; we refuse those that
 * are not on the allow-list. Clients that are not browsers send neither and authenticate
 * without ambient cookies being at stake.
 */
export function sameOriginWrites(
  allowedOrigins: string[],
  options: {
    /** writes that come from other sites by design, and are authenticated otherwise */
    crossSiteByDesign?: (path: string) => boolean;
  } = {},
): MiddlewareHandler {
  const allowed = new Set(allowedOrigins);
  return async function requireSameOrigin(c, next) {
    if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) return next();
    if (options.crossSiteByDesign?.(c.req.path)) return next();
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    if (origin ? !allowed.has(origin) : site !== undefined && site !== 'same-origin' && site !== 'none')
      throw new AppError('forbidden', 'Cross-site request refused');
    return next();
  };
}

export function limitBodies(): MiddlewareHandler {
  return bodyLimit({
    maxSize: MAX_BODY_BYTES,
    // The rest of the body is never read, so the connection cannot be reused: say so.
    onError: (c) =>
      c.json(toErrorBody(new AppError('too_large', `Request body over ${MAX_BODY_BYTES / 1024} KiB`)), 413, {
        connection: 'close',
      }),
  });
}

/**
 * Two request budgets a minute: one per credential (a session cookie or a bearer token), so that
 * one person's runaway tab is stopped; and a much larger one per client address, so that a
 * hospital's hundreds of people behind one address are not stopped by each other, while
 * requests with made-up credentials from one address stay bounded.
 */
export function requestBudget(limits: {
  perCredential: number;
  perAddress: number;
}): MiddlewareHandler<AppEnv> {
  const refuse: Parameters<typeof rateLimiter<AppEnv>>[0]['handler'] = (c) =>
    c.json(toErrorBody(new AppError('rate_limited', 'Too many requests; wait a minute')), 429);
  const perAddress = rateLimiter<AppEnv>({
    windowMs: 60_000,
    limit: limits.perAddress,
    standardHeaders: 'draft-6',
    keyGenerator: (c) => c.get('clientIp'),
    handler: refuse,
  });
  const perCredential = rateLimiter<AppEnv>({
    windowMs: 60_000,
    limit: limits.perCredential,
    standardHeaders: 'draft-6',
    // only called for requests that carry one (below)
    keyGenerator: (c) => credentialKey(c.req.raw.headers) ?? '',
    handler: refuse,
  });
  return async (c, next) => {
    const refused = await perAddress(c, async () => {
      // Signed-out requests (sign-in pages, a morning's sign-ins) count only per address.
      if (credentialKey(c.req.raw.headers) === null) return next();
      const answer = await perCredential(c, next);
      if (answer) c.res = answer;
    });
    if (refused) return refused;
  };
}

/** A digest of the request's credential (never the credential itself, which the budget keeps). */
function credentialKey(headers: Headers): string | null {
  const bearer = headers.get('authorization')?.match(/^Bearer\s+(\S{1,512})$/i)?.[1];
  const credential = bearer ?? getSessionCookie(headers);
  if (!credential) return null;
  return `credential:${createHash('sha256').update(credential).digest('base64url')}`;
}
