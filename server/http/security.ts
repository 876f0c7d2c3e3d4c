/**
 * Security basics for every response and every write: headers with a real CSP, a same-origin
 * check for unsafe methods (CSRF), a body size limit, and a per-address request budget.
 */
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

export function requestBudget(perMinute: number): MiddlewareHandler<AppEnv> {
  return rateLimiter<AppEnv>({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-6',
    keyGenerator: (c) => c.get('clientIp'),
    handler: (c) =>
      c.json(toErrorBody(new AppError('rate_limited', 'Too many requests; wait a minute')), 429),
  });
}
