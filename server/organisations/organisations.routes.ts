/** /api/organisations: the cluster's organisations (every signed-in user may list them). */
import { createRoute } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { Organisation, OrganisationListQuery } from '../../shared/api.ts';
import type { OrganisationKind } from '../../shared/domain.ts';
import { organisations } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, json } from '../http/router.ts';

export async function listOrganisations(deps: ServiceDeps, kind?: OrganisationKind): Promise<Organisation[]> {
  const rows = await deps.db
    .select()
    .from(organisations)
    .where(kind ? eq(organisations.kind, kind) : undefined)
    .orderBy(organisations.name);
  return rows.map((o) => ({
    id: o.id,
    slug: o.slug,
    name: o.name,
    kind: o.kind as OrganisationKind,
    founder: o.founder,
    parentId: o.parentId,
    description: { en: o.descriptionEn, fr: o.descriptionFr },
    focusAreas: o.focusAreas,
  }));
}

export function organisationRoutes(deps: ServiceDeps) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/organisations',
      tags: ['organisations'],
      summary: "The cluster's organisations",
      request: { query: OrganisationListQuery },
      responses: {
        200: json(z.object({ organisations: z.array(Organisation) }), 'Organisations'),
        ...errors,
      },
    }),
    async (c) => {
      requireActor(c);
      return c.json({ organisations: await listOrganisations(deps, c.req.valid('query').kind) }, 200);
    },
  );
}
