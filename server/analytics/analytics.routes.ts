/** The programme office's portfolio analytics: one thin read route. */
import { createRoute } from '@hono/zod-openapi';
import { AnalyticsQuery, PortfolioAnalytics } from '../../shared/schemas/analytics.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, json } from '../http/router.ts';
import { portfolioAnalytics } from './portfolio-analytics.ts';

export function analyticsRoutes(deps: ServiceDeps) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/portfolio/analytics',
      tags: ['analytics'],
      summary:
        'Time in each stage by track, gate outcomes by quarter, slipping milestones and readiness across the portfolio (cluster managers)',
      request: { query: AnalyticsQuery },
      responses: { 200: json(PortfolioAnalytics, 'The analytics'), ...errors },
    }),
    async (c) => c.json(await portfolioAnalytics(deps, requireActor(c), c.req.valid('query')), 200),
  );
}
