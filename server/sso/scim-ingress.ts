/**
 * /api/auth/scim/v2/*: where organisations' identity providers speak SCIM. better-auth's mount
 * takes GET and POST only; SCIM also needs PUT, PATCH and DELETE. A SCIM body is a User or a
 * PatchOp: anything past SCIM_MAX_BODY_BYTES is refused before it is read, with a SCIM error.
 * Once the plugin has answered (its transaction committed), Jalon settles the accounts the
 * request touched (settle-scim-accounts.ts), before the reply goes: when the provider hears
 * 200 or 204, the person is already signed out everywhere.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Auth } from '../auth/auth.ts';
import { CLIENT_IP_HEADER } from '../auth/auth.ts';
import type { ServiceDeps } from '../deps.ts';
import type { AppEnv } from '../http/context.ts';
import { collectScimOutcomes } from './scim-outcomes.ts';
import { settleScimAccounts } from './settle-scim-accounts.ts';

export const SCIM_PATH = '/auth/scim/v2/*';
export const SCIM_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
export const SCIM_MAX_BODY_BYTES = 64 * 1024;

export function scimError(status: number, detail: string, scimType?: string) {
  return new Response(
    JSON.stringify({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: String(status),
      ...(scimType ? { scimType } : {}),
      detail,
    }),
    { status, headers: { 'content-type': 'application/scim+json' } },
  );
}

export function limitScimBodies(): MiddlewareHandler {
  return bodyLimit({
    maxSize: SCIM_MAX_BODY_BYTES,
    onError: () => {
      const res = scimError(413, `Request body over ${SCIM_MAX_BODY_BYTES / 1024} KiB`);
      // The rest of the body is never read, so the connection cannot be reused.
      res.headers.set('connection', 'close');
      return res;
    },
  });
}

export function scimIngress(deps: Pick<ServiceDeps, 'db' | 'log' | 'clock' | 'events'> & { auth: Auth }) {
  return async function serveScim(c: Context<AppEnv>) {
    const headers = new Headers(c.req.raw.headers);
    headers.set(CLIENT_IP_HEADER, c.get('clientIp'));
    const request = new Request(c.req.raw, { headers });
    const { result, noted } = await collectScimOutcomes(() => deps.auth.handler(request));
    if (noted.length > 0) await settleScimAccounts(deps, noted);
    return result;
  };
}
