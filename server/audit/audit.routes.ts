/** The audit trail: verification (cluster managers) and a project's activity feed. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { ActivityEvent, ActivityQuery } from '../../shared/activity.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, IdParam, json } from '../http/router.ts';
import { projectActivity } from './activity.ts';
import { verifyAuditChain } from './verify-chain.ts';

const ChainReport = z.object({ ok: z.boolean(), entries: z.number(), firstBrokenAt: z.number().nullable() });
export function auditRoutes(deps: ServiceDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/audit/verify',
        tags: ['audit'],
        summary: 'Walk the hash chain of the audit trail (cluster managers)',
        responses: { 200: json(ChainReport, 'Whether every entry verifies'), ...errors },
      }),
      async (c) => {
        const actor = requireActor(c);
        requireClusterAction(deps, actor, 'audit.verify');
        return c.json(await verifyAuditChain(deps.db), 200);
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
