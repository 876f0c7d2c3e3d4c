/**
 * Single sign-on: cluster managers manage the connections (/api/admin/sso/connections, from a
 * signed-in browser session), and the sign-in page asks how an address signs in
 * (/api/sign-in-method, public, rate limited per client address).
 */
import { createRoute } from '@hono/zod-openapi';
import { rateLimiter } from 'hono-rate-limiter';
import { z } from 'zod';
import { ErrorBody } from '../../shared/errors.ts';
import {
  CreateSsoConnectionBody,
  SignInMethod,
  SignInMethodQuery,
  SsoConnection,
  SsoConnectionList,
  SsoTestResult,
} from '../../shared/schemas/sso.ts';
import { AppError, toErrorBody } from '../errors.ts';
import type { AppEnv } from '../http/context.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, IdParam, json, jsonBody } from '../http/router.ts';
import { addConnection } from './add-connection.ts';
import { listConnections } from './list-connections.ts';
import { removeConnection } from './remove-connection.ts';
import { signInMethod } from './sign-in-method.ts';
import type { SsoDeps } from './sso-deps.ts';
import { testConnection } from './test-connection.ts';

const TAGS = ['single sign-on'];
/**
 * The answer depends on the address's domain alone and costs one indexed read, so this bounds
 * work, not guessing: it is as large as a hospital's staff signing in at once from one address
 * need (each asks once), where 30 a minute turned its thirty-first colleague to a password form.
 */
export const SIGN_IN_METHOD_PER_MINUTE = 600;

export function ssoRoutes(deps: SsoDeps) {
  const router = createRouter();
  router.use(
    '/sign-in-method',
    rateLimiter<AppEnv>({
      windowMs: 60_000,
      limit: SIGN_IN_METHOD_PER_MINUTE,
      keyGenerator: (c) => `sign-in-method:${c.get('clientIp')}`,
      handler: (c) =>
        c.json(toErrorBody(new AppError('rate_limited', 'Too many look-ups; wait a minute')), 429),
    }),
  );
  return router
    .openapi(
      createRoute({
        method: 'get',
        path: '/sign-in-method',
        tags: TAGS,
        summary:
          'How this address signs in: `sso` (with the organisation whose identity provider signs it in) when a connection covers its domain, `password` otherwise. Public; rate limited per client address',
        request: { query: SignInMethodQuery },
        responses: {
          200: json(SignInMethod, 'The method'),
          400: json(ErrorBody, 'Not an address'),
          429: json(ErrorBody, 'Too many look-ups'),
        },
      }),
      async (c) => c.json(await signInMethod(deps.db, c.req.valid('query').email), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/admin/sso/connections',
        tags: TAGS,
        summary:
          'Every single sign-on connection: organisation, protocol, domains, the URLs to give the identity provider, sign-ins, errors and the last test; never a secret (cluster managers)',
        responses: { 200: json(SsoConnectionList, 'Connections'), ...errors },
      }),
      async (c) => c.json({ connections: await listConnections(deps, requireActor(c)) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/admin/sso/connections',
        tags: TAGS,
        summary:
          'Add a connection for one organisation and its e-mail domains (OIDC: issuer, client id and secret; SAML: entity id, sign-in URL and signing certificate, or metadata XML). The identity provider is checked first (cluster managers)',
        request: jsonBody(CreateSsoConnectionBody),
        responses: {
          201: json(SsoConnection, 'The new connection'),
          409: json(ErrorBody, 'A domain already has a connection'),
          ...errors,
        },
      }),
      async (c) =>
        c.json(await addConnection(deps, requireActor(c), c.req.raw.headers, c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/admin/sso/connections/{id}/test',
        tags: TAGS,
        summary:
          'Check the connection against its identity provider now; the result is kept (cluster managers)',
        request: { params: IdParam },
        responses: { 200: json(SsoTestResult, 'What the checks found'), ...errors },
      }),
      async (c) => c.json(await testConnection(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/admin/sso/connections/{id}',
        tags: TAGS,
        summary:
          'Remove a connection: its people keep their accounts but no longer sign in through it; password sign-in opens again for its domains (cluster managers)',
        request: { params: IdParam },
        responses: { 200: json(z.object({ ok: z.literal(true) }), 'Removed'), ...errors },
      }),
      async (c) => {
        await removeConnection(deps, requireActor(c), c.req.valid('param').id);
        return c.json({ ok: true as const }, 200);
      },
    );
}
