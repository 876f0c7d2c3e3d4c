/**
 * /api/me/tokens: a user's API tokens (create shows the token once); /api/me/sessions/revoke:
 * end one's sessions, and optionally one's tokens.
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { ApiToken, CreateApiTokenBody, RevokedCredentials, RevokeSessionsBody } from '../../shared/tokens.ts';
import type { Auth } from '../auth/auth.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, IdParam, json, jsonBody } from '../http/router.ts';
import { createApiToken, listApiTokens, revokeAllApiTokens, revokeApiToken } from './api-tokens.ts';
import { revokeSessions } from './revoke-sessions.ts';

export function tokenRoutes(deps: ServiceDeps & { auth: Auth }) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/me/tokens',
        tags: ['me'],
        summary: 'Your API tokens: scope, project, expiry and last use (within a minute)',
        responses: { 200: json(z.object({ tokens: z.array(ApiToken) }), 'Tokens'), ...errors },
      }),
      async (c) => c.json({ tokens: await listApiTokens(deps, requireActor(c)) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/me/tokens',
        tags: ['me'],
        summary:
          "Create an API token (shown once) for clients that are not browsers: scope 'read' (default) or 'write', optionally one project, expiring after expiresInDays (default 90, at most 365). Only from a session signed in within the last 10 minutes.",
        request: jsonBody(CreateApiTokenBody),
        responses: {
          201: json(ApiToken.extend({ token: z.string() }), 'The token, shown only now'),
          ...errors,
        },
      }),
      async (c) => {
        const actor = requireActor(c);
        // When the session was created, i.e. when its owner last proved their password.
        const found =
          actor.via?.kind === 'session'
            ? await deps.auth.api.getSession({ headers: c.req.raw.headers })
            : null;
        const signedInAt = found ? new Date(found.session.createdAt) : null;
        return c.json(await createApiToken(deps, actor, signedInAt, c.req.valid('json')), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/me/tokens',
        tags: ['me'],
        summary: 'Revoke all your API tokens',
        responses: { 200: json(z.object({ revoked: z.number().int() }), 'How many were revoked'), ...errors },
      }),
      async (c) => c.json({ revoked: await revokeAllApiTokens(deps, requireActor(c).id) }, 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/me/tokens/{id}',
        tags: ['me'],
        summary: 'Revoke an API token',
        request: { params: IdParam },
        responses: { 204: { description: 'Revoked' }, ...errors },
      }),
      async (c) => {
        await revokeApiToken(deps, requireActor(c), c.req.valid('param').id);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/me/sessions/revoke',
        tags: ['me'],
        summary:
          'Sign out your sessions (all others, or all with keepCurrent: false) and, with tokens: true, revoke all your API tokens too',
        request: jsonBody(RevokeSessionsBody),
        responses: { 200: json(RevokedCredentials, 'How many sessions and tokens were ended'), ...errors },
      }),
      async (c) =>
        c.json(await revokeSessions(deps, requireActor(c), c.req.raw.headers, c.req.valid('json')), 200),
    );
}
