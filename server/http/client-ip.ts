/**
 * The client's address, for rate limiting and logs: the socket's, or, behind trusted proxies
 * (TRUST_PROXY=1), the address the outermost trusted proxy saw. Each proxy appends the address
 * it received the request from to X-Forwarded-For, so the client's own is the entry
 * TRUST_PROXY_HOPS from the right; whatever stands left of it was written by the client and
 * proves nothing. The address is passed to better-auth in a header we set ourselves, after
 * dropping any copy the client sent.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';

export interface ClientAddressInput {
  /** the X-Forwarded-For header(s) as received */
  forwardedFor: string | readonly string[] | undefined;
  /** the address of the TCP peer */
  socket: string | undefined;
  /** how many proxies in front are trusted to append to X-Forwarded-For (0: none) */
  trustedHops: number;
}

export function clientAddressOf(input: ClientAddressInput): string {
  const fallback = input.socket || 'unknown';
  if (input.trustedHops < 1 || input.forwardedFor === undefined) return fallback;
  const header = typeof input.forwardedFor === 'string' ? input.forwardedFor : input.forwardedFor.join(',');
  const hops = header.split(',').map((entry) => entry.trim());
  return hops[hops.length - input.trustedHops] || fallback;
}

export function clientIp(options: { trustedHops: number }): MiddlewareHandler<AppEnv> {
  return async function resolveClientIp(c, next) {
    let socket: string | undefined;
    try {
      socket = getConnInfo(c).remote.address;
    } catch {
      socket = undefined; // in-process requests (tests through app.request) have no socket
    }
    const forwardedFor = options.trustedHops
      ? (c.req.raw.headers.get('x-forwarded-for') ?? undefined)
      : undefined;
    c.set('clientIp', clientAddressOf({ forwardedFor, socket, trustedHops: options.trustedHops }));
    await next();
  };
}
