/**
 * /api/people…: a cluster manager lists and searches people, sees one with their memberships,
 * grants or withdraws cluster-manager rights, ends or restores an account, erases a deactivated
 * person's identifying data, and exports what the audit trail holds about someone (a person may
 * export their own). /api/me/work: where the signed-in person's own work is.
 */
import { createRoute } from '@hono/zod-openapi';
import { ErrorBody } from '../../shared/errors.ts';
import {
  AccountStatus,
  ManagerRights,
  ManagerRightsBody,
  MyWork,
  PeoplePage,
  PeopleQuery,
  PersonDetail,
  PersonExport,
  PersonExportQuery,
} from '../../shared/schemas/people.ts';
import { exportPersonData } from '../audit/person-export.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, IdParam, json, jsonBody } from '../http/router.ts';
import { deactivateAccount, reactivateAccount } from './deactivate-account.ts';
import { erasePerson } from './erase-person.ts';
import { listPeople } from './list-people.ts';
import { setManagerRights } from './manager-rights.ts';
import { getPerson, myWork } from './person-detail.ts';

export function peopleRoutes(deps: ServiceDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/people',
        tags: ['people'],
        summary:
          'Every person, searched by name, address or organisation (accent-insensitive), a page at a time; `status=sso_unseen`: the active single sign-on accounts not seen for 90 days or never (cluster managers)',
        request: { query: PeopleQuery },
        responses: { 200: json(PeoplePage, 'A page of people, by name'), ...errors },
      }),
      async (c) => c.json(await listPeople(deps, requireActor(c), c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/people/{id}',
        tags: ['people'],
        summary:
          'One person: status, rights, organisations, projects and roles, open invitations (cluster managers)',
        request: { params: IdParam },
        responses: { 200: json(PersonDetail, 'The person'), ...errors },
      }),
      async (c) => c.json(await getPerson(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/people/{id}/cluster-manager',
        tags: ['people'],
        summary:
          'Grant or withdraw cluster-manager rights (cluster managers, from a browser session; audited). The last active manager cannot lose them; open connections take the change at once',
        request: { params: IdParam, ...jsonBody(ManagerRightsBody) },
        responses: {
          200: json(ManagerRights, 'The rights now'),
          ...errors,
          409: json(ErrorBody, 'The last active cluster manager, or a deactivated account'),
        },
      }),
      async (c) =>
        c.json(
          await setManagerRights(
            deps,
            requireActor(c),
            c.req.valid('param').id,
            c.req.valid('json').clusterManager,
          ),
          200,
        ),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/me/work',
        tags: ['me'],
        summary:
          'Where your work is: your projects, the programme office, services you handle, mentoring (for choosing your home page)',
        responses: { 200: json(MyWork, 'Your work'), ...errors },
      }),
      async (c) => c.json(await myWork(deps, requireActor(c)), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/people/{id}/deactivate',
        tags: ['people'],
        summary:
          'Deactivate an account (cluster managers): it can no longer sign in, and its sessions, API tokens and open connections end at once',
        request: { params: IdParam },
        responses: {
          200: json(AccountStatus, 'Deactivated'),
          ...errors,
          409: json(ErrorBody, 'The last active cluster manager'),
        },
      }),
      async (c) => c.json(await deactivateAccount(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/people/{id}/reactivate',
        tags: ['people'],
        summary:
          'Reactivate an account (cluster managers): it may sign in again; its old API tokens stay revoked',
        request: { params: IdParam },
        responses: {
          200: json(AccountStatus, 'Reactivated'),
          ...errors,
          409: json(ErrorBody, 'The person’s data was erased'),
        },
      }),
      async (c) => c.json(await reactivateAccount(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/people/{id}/erase',
        tags: ['people'],
        summary:
          "Erase a deactivated person's name, address, image, profile and credentials, for good (cluster managers; GDPR Art. 17). The audit trail keeps their id and still verifies",
        request: { params: IdParam },
        responses: {
          200: json(AccountStatus, 'Erased (or already erased)'),
          ...errors,
          409: json(ErrorBody, 'The account is not deactivated'),
        },
      }),
      async (c) => c.json(await erasePerson(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/people/{id}/audit-export',
        tags: ['people'],
        summary:
          'Everything Jalon holds about one person, with every audit entry where they acted or that is about them, as a JSON download (cluster managers, or the person; GDPR Art. 15)',
        request: { params: IdParam, query: PersonExportQuery },
        responses: { 200: json(PersonExport, 'The export, as an attachment'), ...errors },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const data = await exportPersonData(deps, requireActor(c), id, { after: c.req.valid('query').after });
        const day = data.exportedAt.slice(0, 10);
        c.header('content-disposition', `attachment; filename="jalon-person-${safeName(id)}-${day}.json"`);
        c.header('cache-control', 'no-store');
        return c.json(data, 200);
      },
    );
}

/** An id as it may appear in a file name: ids are opaque, so keep only the harmless characters. */
const safeName = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '_');
