/**
 * Cluster managers administer the cluster's organisations: onboard, edit, deactivate and
 * reactivate them, and see all their people and projects (/api/admin/organisations for reads,
 * /api/organisations for changes). From a signed-in browser session only, never an API token.
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { ErrorBody } from '../../shared/errors.ts';
import {
  AdminOrganisation,
  AdminOrganisationDetail,
  AdminOrganisationQuery,
  CreateOrganisationBody,
  UpdateOrganisationBody,
} from '../../shared/schemas/organisations.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, IdParam, json, jsonBody } from '../http/router.ts';
import { adminOrganisationDetail, listAdminOrganisations } from './admin-organisations.ts';
import { deactivateOrganisation, reactivateOrganisation } from './deactivate-organisation.ts';
import { createOrganisation, updateOrganisation } from './save-organisation.ts';

const TAGS = ['organisations'];

export function organisationAdminRoutes(deps: ServiceDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/admin/organisations',
        tags: TAGS,
        summary:
          'Every organisation, deactivated ones included, with its counts of people and projects; searched by name or address, filtered by kind and status (cluster managers)',
        request: { query: AdminOrganisationQuery },
        responses: {
          200: json(z.object({ organisations: z.array(AdminOrganisation) }), 'Organisations'),
          ...errors,
        },
      }),
      async (c) =>
        c.json(
          { organisations: await listAdminOrganisations(deps, requireActor(c), c.req.valid('query')) },
          200,
        ),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/admin/organisations/{id}',
        tags: TAGS,
        summary:
          'One organisation (by id or address) with its people and the projects it leads or partners, listed or not, archived too; at most 200 of each (cluster managers)',
        request: { params: IdParam },
        responses: { 200: json(AdminOrganisationDetail, 'The organisation'), ...errors },
      }),
      async (c) => c.json(await adminOrganisationDetail(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/organisations',
        tags: TAGS,
        summary:
          'Onboard an organisation (cluster managers). Without a slug, its address is made from its name. It has no logo file: clients show its initials on a colour derived from its id',
        request: jsonBody(CreateOrganisationBody),
        responses: {
          201: json(AdminOrganisationDetail, 'The new organisation'),
          409: json(ErrorBody, 'The address (slug) is taken'),
          ...errors,
        },
      }),
      async (c) => c.json(await createOrganisation(deps, requireActor(c), c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/organisations/{id}',
        tags: TAGS,
        summary:
          'Change an organisation (cluster managers); `version` is the one the form was loaded at. Its contacts are the members who chose to be listed: only they change that',
        request: { params: IdParam, ...jsonBody(UpdateOrganisationBody) },
        responses: {
          200: json(AdminOrganisationDetail, 'The organisation'),
          409: json(ErrorBody, 'Changed meanwhile, or the address (slug) is taken'),
          ...errors,
        },
      }),
      async (c) =>
        c.json(
          await updateOrganisation(deps, requireActor(c), c.req.valid('param').id, c.req.valid('json')),
          200,
        ),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/organisations/{id}/deactivate',
        tags: TAGS,
        summary:
          'Deactivate an organisation (cluster managers): it leaves the directory and every organisation picker, and its profile is not found except by cluster managers. Its people keep their accounts and memberships, its partnerships stay on their projects. Refused (409) while it leads a project that is not archived',
        request: { params: IdParam },
        responses: {
          200: json(AdminOrganisationDetail, 'Deactivated (or already)'),
          409: json(ErrorBody, 'It still leads an active project'),
          ...errors,
        },
      }),
      async (c) => c.json(await deactivateOrganisation(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/organisations/{id}/reactivate',
        tags: TAGS,
        summary: 'Reactivate an organisation (cluster managers): it is back in the directory and the pickers',
        request: { params: IdParam },
        responses: { 200: json(AdminOrganisationDetail, 'Reactivated (or already active)'), ...errors },
      }),
      async (c) => c.json(await reactivateOrganisation(deps, requireActor(c), c.req.valid('param').id), 200),
    );
}
