/**
 * /api/admin/organisations/:id/scim: a cluster manager sees, turns on, rotates and revokes an
 * organisation's automatic removal (SCIM), from a signed-in browser session. The replies that
 * carry a token are never cached.
 */
import { createRoute } from '@hono/zod-openapi';
import { ErrorBody } from '../../shared/errors.ts';
import { ScimIssued, ScimStatus } from '../../shared/schemas/scim.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, IdParam, json } from '../http/router.ts';
import {
  enableScim,
  getScimStatus,
  revokeScimToken,
  rotateScimToken,
  type ScimDeps,
} from './scim-connection.ts';

const TAGS = ['organisations'];
const NO_STORE = { 'cache-control': 'no-store' };

export function scimAdminRoutes(deps: ScimDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/admin/organisations/{id}/scim',
        tags: TAGS,
        summary:
          "The organisation's automatic removal (SCIM): whether its provider holds a working token, when it was last used, the base URL to give it (cluster managers)",
        request: { params: IdParam },
        responses: { 200: json(ScimStatus, 'Automatic removal'), ...errors },
      }),
      async (c) => c.json(await getScimStatus(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/admin/organisations/{id}/scim',
        tags: TAGS,
        summary:
          'Turn automatic removal (SCIM) on: issues the bearer token its identity provider presents, shown this once (cluster managers; audited)',
        request: { params: IdParam },
        responses: {
          201: json(ScimIssued, 'On, with its token'),
          409: json(ErrorBody, 'Already on'),
          ...errors,
        },
      }),
      async (c) => c.json(await enableScim(deps, requireActor(c), c.req.valid('param').id), 201, NO_STORE),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/admin/organisations/{id}/scim/rotate',
        tags: TAGS,
        summary:
          'Issue a new token and revoke the previous one at once, shown this once (cluster managers; audited)',
        request: { params: IdParam },
        responses: {
          200: json(ScimIssued, 'The new token'),
          409: json(ErrorBody, 'Automatic removal is off'),
          ...errors,
        },
      }),
      async (c) =>
        c.json(await rotateScimToken(deps, requireActor(c), c.req.valid('param').id), 200, NO_STORE),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/admin/organisations/{id}/scim/token',
        tags: TAGS,
        summary:
          'Revoke the token: the provider is refused from now on and automatic removal is off; the people it provisioned keep their accounts (cluster managers; audited)',
        request: { params: IdParam },
        responses: { 200: json(ScimStatus, 'Off'), ...errors },
      }),
      async (c) => c.json(await revokeScimToken(deps, requireActor(c), c.req.valid('param').id), 200),
    );
}
