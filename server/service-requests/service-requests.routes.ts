/** Service requests: a project's, one, the handling queue and the services' load; thin routes. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { ErrorBody } from '../../shared/errors.ts';
import {
  CreateServiceRequestBody,
  RequestQueueQuery,
  ServiceLoad,
  ServiceRequest,
  UpdateServiceRequestBody,
} from '../../shared/services.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, IdParam, json, jsonBody } from '../http/router.ts';
import { fileServiceRequest } from './file-service-request.ts';
import { getServiceRequest, listProjectRequests, listQueue } from './list-service-requests.ts';
import { serviceLoad } from './service-load.ts';
import { updateServiceRequest } from './update-service-request.ts';

const Requests = z.object({ requests: z.array(ServiceRequest) });

export function serviceRequestRoutes(deps: ServiceDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/projects/{id}/service-requests',
        tags: ['services'],
        summary: "A project's service requests, newest first, and the milestones one may be tracked by",
        request: { params: IdParam },
        responses: {
          200: json(
            Requests.extend({ milestones: z.array(z.object({ id: z.string(), title: z.string() })) }),
            'Requests, and the project’s milestones',
          ),
          ...errors,
        },
      }),
      async (c) => c.json(await listProjectRequests(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/projects/{id}/service-requests',
        tags: ['services'],
        summary: 'Ask a service for the project by filling its form (lead and contributors)',
        description:
          'The answers are validated against the service’s request form: a missing or wrong field is a 400 whose `issues` name each field (`answers.<key>`), and nothing is saved.',
        request: { params: IdParam, ...jsonBody(CreateServiceRequestBody) },
        responses: {
          201: json(ServiceRequest, 'The submitted request'),
          409: json(ErrorBody, 'The project is archived'),
          ...errors,
        },
      }),
      async (c) =>
        c.json(
          await fileServiceRequest(deps, requireActor(c), c.req.valid('param').id, c.req.valid('json')),
          201,
        ),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/service-queue',
        tags: ['services'],
        summary:
          'The handling queue: requests to the services the caller handles (all, for a cluster manager)',
        request: { query: RequestQueueQuery },
        responses: { 200: json(Requests, 'Requests, oldest first'), ...errors },
      }),
      async (c) => c.json({ requests: await listQueue(deps, requireActor(c), c.req.valid('query')) }, 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/service-queue/load',
        tags: ['services'],
        summary:
          'Load of each service: open requests, median days to decision and to delivery (cluster managers)',
        responses: { 200: json(z.object({ services: z.array(ServiceLoad) }), 'Load per service'), ...errors },
      }),
      async (c) => c.json({ services: await serviceLoad(deps, requireActor(c)) }, 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/service-requests/{id}',
        tags: ['services'],
        summary: 'One request with its history (its project’s readers and its handling team)',
        request: { params: IdParam },
        responses: { 200: json(ServiceRequest, 'The request'), ...errors },
      }),
      async (c) => c.json(await getServiceRequest(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/service-requests/{id}',
        tags: ['services'],
        summary: 'Move a request on (handling team, cluster managers), comment, or track it by a milestone',
        description:
          'status follows submitted → in_review → accepted | declined → scheduled → delivered (scheduling needs `scheduledFor`); any other move is a 409. `milestone` ({ create: true } or { milestoneId }) links an accepted request to a milestone of the project, created through the live document; the milestone then takes the scheduled date as due date and is done on delivery. The project’s lead and contributors may comment and link; only the handling team and managers change the status.',
        request: { params: IdParam, ...jsonBody(UpdateServiceRequestBody) },
        responses: {
          200: json(ServiceRequest, 'The request'),
          409: json(ErrorBody, 'Not a valid move from the current status'),
          ...errors,
        },
      }),
      async (c) =>
        c.json(
          await updateServiceRequest(deps, requireActor(c), c.req.valid('param').id, c.req.valid('json')),
          200,
        ),
    );
}
