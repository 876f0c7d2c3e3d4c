/** /api/organisations: the cluster directory (every signed-in user may read it). */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { ContactListingBody, DirectoryQuery, OrganisationProfile } from '../../shared/directory.ts';
import { Organisation } from '../../shared/schemas/organisations.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, IdParam, json, jsonBody } from '../http/router.ts';
import { setContactListing } from './list-as-contact.ts';
import { listOrganisations } from './list-organisations.ts';
import { organisationProfile } from './organisation-profile.ts';

export { listOrganisations } from './list-organisations.ts';

export function organisationRoutes(deps: ServiceDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/organisations',
        tags: ['organisations'],
        summary:
          "The cluster's organisations, filtered by kind, category and focus area, searched in FR and EN",
        request: { query: DirectoryQuery },
        responses: {
          200: json(z.object({ organisations: z.array(Organisation) }), 'Organisations'),
          ...errors,
        },
      }),
      async (c) => {
        requireClusterAction(deps, requireActor(c), 'directory.view');
        return c.json({ organisations: await listOrganisations(deps, c.req.valid('query')) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/organisations/{id}',
        tags: ['organisations'],
        summary: 'An organisation’s profile (by id or slug): contacts, listed projects, services',
        request: { params: IdParam },
        responses: { 200: json(OrganisationProfile, 'The profile'), ...errors },
      }),
      async (c) => c.json(await organisationProfile(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/organisations/{id}/contacts/me',
        tags: ['organisations'],
        summary: 'List yourself as a contact of your organisation, or stop',
        request: { params: IdParam, ...jsonBody(ContactListingBody) },
        responses: { 200: json(OrganisationProfile, 'The profile'), ...errors },
      }),
      async (c) =>
        c.json(
          await setContactListing(deps, requireActor(c), c.req.valid('param').id, c.req.valid('json').listed),
          200,
        ),
    );
}
