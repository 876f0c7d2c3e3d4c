/**
 * Cluster managers administer the maturation frameworks: list each track's versions, make a
 * new version of one, start a framework by copying one, and edit the readiness dimensions'
 * texts. From a signed-in browser session only, never an API token.
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { ErrorBody } from '../../shared/errors.ts';
import {
  AdminTrack,
  CopyFrameworkBody,
  Framework,
  NewFrameworkVersionBody,
  ReadinessDimension,
  UpdateDimensionBody,
} from '../../shared/schemas/frameworks.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, IdParam, json, jsonBody } from '../http/router.ts';
import { listAdminTracks } from './admin-frameworks.ts';
import { copyFramework, createFrameworkVersion } from './save-framework-version.ts';
import { updateDimension } from './update-dimension.ts';

const TAGS = ['frameworks'];

export function frameworkAdminRoutes(deps: ServiceDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/admin/frameworks',
        tags: TAGS,
        summary:
          'Each track with its versions, newest first: who made each, its change note and how many projects were started on it (cluster managers)',
        responses: { 200: json(z.object({ tracks: z.array(AdminTrack) }), 'The tracks'), ...errors },
      }),
      async (c) => c.json({ tracks: await listAdminTracks(deps, requireActor(c)) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/frameworks/{id}/versions',
        tags: TAGS,
        summary:
          'Make the next version of a framework from its current one, `id` (cluster managers): new texts, gate criteria kept by key, added (no key) or retired (left out), in the order given. Levels and stage ranges do not change. Projects and gate reviews keep the version they were started or decided under',
        request: { params: IdParam, ...jsonBody(NewFrameworkVersionBody) },
        responses: {
          201: json(Framework, 'The new version'),
          409: json(ErrorBody, 'The base is no longer the current version'),
          ...errors,
        },
      }),
      async (c) =>
        c.json(
          await createFrameworkVersion(deps, requireActor(c), c.req.valid('param').id, c.req.valid('json')),
          201,
        ),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/frameworks',
        tags: TAGS,
        summary:
          'Start a framework by copying a version of another (cluster managers): version 1 of a new track, whose id is made from its English name',
        request: jsonBody(CopyFrameworkBody),
        responses: { 201: json(Framework, 'The new framework'), ...errors },
      }),
      async (c) => c.json(await copyFramework(deps, requireActor(c), c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/readiness-dimensions/{id}',
        tags: TAGS,
        summary:
          'Edit a readiness dimension’s texts in place (cluster managers): shared by every track, without versions; audited',
        request: { params: IdParam, ...jsonBody(UpdateDimensionBody) },
        responses: { 200: json(ReadinessDimension, 'The dimension'), ...errors },
      }),
      async (c) =>
        c.json(
          await updateDimension(deps, requireActor(c), c.req.valid('param').id, c.req.valid('json')),
          200,
        ),
    );
}
