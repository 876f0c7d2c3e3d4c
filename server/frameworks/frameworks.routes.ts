/** /api/frameworks: the maturation frameworks and readiness dimensions, as stored data. */
import { createRoute } from '@hono/zod-openapi';
import { FrameworkCatalogue } from '../../shared/schemas/frameworks.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, json } from '../http/router.ts';
import { loadFrameworkCatalogue } from './catalogue.ts';

export function frameworkRoutes(deps: ServiceDeps) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/frameworks',
      tags: ['frameworks'],
      summary: 'Maturation frameworks (tracks, levels, stages, gate criteria) and readiness dimensions',
      responses: { 200: json(FrameworkCatalogue, 'The catalogue'), ...errors },
    }),
    async (c) => {
      requireClusterAction(deps, requireActor(c), 'framework.view');
      return c.json(await loadFrameworkCatalogue(deps), 200);
    },
  );
}
