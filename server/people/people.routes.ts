/** /api/people/{id}/deactivate and /reactivate: a cluster manager ends or restores an account. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { ErrorBody } from '../../shared/errors.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, IdParam, json } from '../http/router.ts';
import { deactivateAccount, reactivateAccount } from './deactivate-account.ts';

const AccountStatus = z.object({ id: z.string(), deactivatedAt: z.string().nullable() });

export function peopleRoutes(deps: ServiceDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/people/{id}/deactivate',
        tags: ['people'],
        summary:
          'Deactivate an account (cluster managers): it can no longer sign in, and its sessions, API tokens and open connections end at once',
        request: { params: IdParam },
        responses: {
          200: json(AccountStatus, 'Deactivated'),
          ...errors,
          409: json(ErrorBody, 'The last active cluster manager'),
        },
      }),
      async (c) => c.json(await deactivateAccount(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/people/{id}/reactivate',
        tags: ['people'],
        summary:
          'Reactivate an account (cluster managers): it may sign in again; its old API tokens stay revoked',
        request: { params: IdParam },
        responses: { 200: json(AccountStatus, 'Reactivated'), ...errors },
      }),
      async (c) => c.json(await reactivateAccount(deps, requireActor(c), c.req.valid('param').id), 200),
    );
}
