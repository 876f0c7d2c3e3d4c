/** GET /api/search: projects and milestones you may see, by words (accents ignored). */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { SearchHit, SearchQuery } from '../../shared/schemas/search.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, json } from '../http/router.ts';
import { searchProjects } from './search.ts';

export function searchRoutes(deps: ServiceDeps) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/search',
      tags: ['search'],
      summary: 'Search the projects and milestones you may see',
      request: { query: SearchQuery },
      responses: { 200: json(z.object({ hits: z.array(SearchHit) }), 'Hits, best first'), ...errors },
    }),
    async (c) => {
      const { q, limit } = c.req.valid('query');
      return c.json({ hits: await searchProjects(deps, requireActor(c), q, limit) }, 200);
    },
  );
}
