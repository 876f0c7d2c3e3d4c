/** GET /api/search: projects and milestones you may see, by words (accents ignored). */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, json } from '../http/router.ts';
import { searchProjects } from './search.ts';

const SearchQuery = z.object({
  q: z.string().max(200),
  limit: z.coerce.number().int().min(1).max(50).optional(),
});
const SearchHit = z.object({
  kind: z.enum(['project', 'milestone']),
  id: z.string(),
  projectId: z.string(),
  projectTitle: z.string(),
  title: z.string(),
  snippet: z.array(z.object({ text: z.string(), match: z.boolean() })),
});

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
