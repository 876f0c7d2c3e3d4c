/** Time travel: thin routes over the history use cases. */
import { createRoute } from '@hono/zod-openapi';
import { HistoryQuery, HistoryView, ReadinessSeries, StagesOverTime } from '../../shared/history.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, IdParam, json } from '../http/router.ts';
import { projectAt } from './project-at.ts';
import { readinessOverTime } from './readiness-over-time.ts';
import { stagesOverTime } from './stages-over-time.ts';

export function historyRoutes(deps: ServiceDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/projects/{id}/history',
        tags: ['history'],
        summary:
          'The project as it stood at an instant (?at=ISO date-time) or at a gate (?gate=reviewId): milestones, readiness, criteria, and the diff against now',
        request: { params: IdParam, query: HistoryQuery },
        responses: { 200: json(HistoryView, 'The project then'), ...errors },
      }),
      async (c) =>
        c.json(await projectAt(deps, requireActor(c), c.req.valid('param').id, c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/projects/{id}/history/readiness',
        tags: ['history'],
        summary: "The project's readiness levels over time, one point per change",
        request: { params: IdParam },
        responses: { 200: json(ReadinessSeries, 'Readiness over time'), ...errors },
      }),
      async (c) => c.json(await readinessOverTime(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/portfolio/stages-over-time',
        tags: ['history'],
        summary:
          'How many visible projects stood at each stage over time (every project for cluster managers)',
        responses: { 200: json(StagesOverTime, 'Stage distribution over time'), ...errors },
      }),
      async (c) => c.json(await stagesOverTime(deps, requireActor(c)), 200),
    );
}
