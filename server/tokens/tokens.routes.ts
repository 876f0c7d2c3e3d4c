/** /api/me/tokens: a user's API tokens (create shows the token once). */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, IdParam, json, jsonBody } from '../http/router.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.ts';

const Token = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
const CreateTokenBody = z.object({ name: z.string().trim().min(1, 'Name the token').max(100) }).strict();

export function tokenRoutes(deps: ServiceDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/me/tokens',
        tags: ['me'],
        summary: 'Your API tokens',
        responses: { 200: json(z.object({ tokens: z.array(Token) }), 'Tokens'), ...errors },
      }),
      async (c) => c.json({ tokens: await listApiTokens(deps, requireActor(c)) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/me/tokens',
        tags: ['me'],
        summary: 'Create an API token (shown once) for clients that are not browsers',
        request: jsonBody(CreateTokenBody),
        responses: { 201: json(Token.extend({ token: z.string() }), 'The token, shown only now'), ...errors },
      }),
      async (c) => c.json(await createApiToken(deps, requireActor(c), c.req.valid('json').name), 201),
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
    );
}
