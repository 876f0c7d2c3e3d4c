/**
 * The client's address, from the socket (or, behind a trusted proxy, X-Forwarded-For), for
 * rate limiting and logs. It is passed to better-auth in a header we set ourselves, after
 * dropping any copy the client sent.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';

export function clientIp(options: { trustProxy: boolean }): MiddlewareHandler<AppEnv> {
  return async function resolveClientIp(c, next) {
    let ip = '';
    if (options.trustProxy) ip = c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ?? '';
    if (!ip) {
      try {
        ip = getConnInfo(c).remote.address ?? '';
      } catch {
        ip = ''; // in-process requests (tests through app.request) have no socket
      }
    }
    c.set('clientIp', ip || 'unknown');
    await next();
  };
}
