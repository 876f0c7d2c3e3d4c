/**
 * The plugin answers a failed single sign-on by redirecting the browser with `error` and
 * `error_description` in the query (to the sign-in page's error URL). This after-hook on the
 * callback and assertion endpoints reads that redirect and records the failure against the
 * connection, so that a cluster manager sees it in /admin.
 */
import { createAuthMiddleware } from 'better-auth/api';
import type { Db } from '../db/client.ts';
import type { Logger } from '../log.ts';
import { errorText, recordError } from './sso-activity.ts';

const SIGN_IN_RETURNS = new Set(['/sso/callback/:providerId', '/sso/saml2/sp/acs/:providerId']);

function redirectLocation(returned: unknown, headers: Headers | null | undefined): string | null {
  const fromHeaders = headers?.get('location');
  if (fromHeaders) return fromHeaders;
  const own = (returned as { headers?: unknown } | null)?.headers;
  return own instanceof Headers ? own.get('location') : null;
}

export function recordSsoErrors(deps: { db: Db; log: Logger; clock: () => Date }) {
  return createAuthMiddleware(async (ctx) => {
    if (!SIGN_IN_RETURNS.has(ctx.path)) return;
    const providerId = (ctx.params as Record<string, string> | undefined)?.providerId;
    const location = redirectLocation(ctx.context.returned, ctx.context.responseHeaders);
    if (!providerId || !location) return;
    let query: URLSearchParams;
    try {
      query = new URL(location, 'http://localhost').searchParams;
    } catch {
      return;
    }
    const error = query.get('error');
    if (!error) return;
    const message = errorText(error, query.get('error_description'));
    try {
      await recordError(deps.db, providerId, deps.clock(), message);
    } catch (err) {
      // An unknown provider id has no activity row to count against: nothing to record.
      deps.log.debug({ err, providerId }, 'single sign-on error not recorded');
    }
    deps.log.warn({ providerId, error: message }, 'single sign-on failed');
  });
}
