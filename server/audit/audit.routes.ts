/** The audit trail: verification (cluster managers) and a project's activity feed. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { ActivityEvent, ActivityQuery } from '../../shared/activity.ts';
import { ChainReport } from '../../shared/schemas/audit.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, IdParam, json } from '../http/router.ts';
import { projectActivity } from './activity.ts';
import { auditAnchorOf } from './checkpoints.ts';
import { verifyAuditChain } from './verify-chain.ts';

export function auditRoutes(deps: ServiceDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/audit/verify',
        tags: ['audit'],
        summary: 'Walk the audit trail and its signed checkpoints, reporting every break (cluster managers)',
        responses: {
          200: json(ChainReport, 'Whether every entry and checkpoint verifies, and each break'),
          ...errors,
        },
      }),
      async (c) => {
        const actor = requireActor(c);
        requireClusterAction(deps, actor, 'audit.verify');
        const keys = [auditAnchorOf(deps.db).key.publicKey];
        return c.json(await verifyAuditChain(deps.db.$client, { keys }), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/projects/{id}/activity',
        tags: ['audit'],
        summary: "A project's activity, newest first, from the audit trail",
        request: { params: IdParam, query: ActivityQuery },
        responses: { 200: json(z.object({ events: z.array(ActivityEvent) }), 'Events'), ...errors },
      }),
      async (c) =>
        c.json(
          {
            events: await projectActivity(
              deps,
              requireActor(c),
              c.req.valid('param').id,
              c.req.valid('query'),
            ),
          },
          200,
        ),
    );
}
