/** /api/services: the catalogue (everyone signed in reads it; cluster managers manage it). */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { CreateServiceBody, Service, ServiceListQuery, UpdateServiceBody } from '../../shared/services.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, IdParam, json, jsonBody } from '../http/router.ts';
import { getService, listServices } from './list-services.ts';
import { createService, updateService } from './save-service.ts';

export function catalogueRoutes(deps: ServiceDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/services',
        tags: ['services'],
        summary: 'The services and platforms catalogue, each with its request form',
        request: { query: ServiceListQuery },
        responses: { 200: json(z.object({ services: z.array(Service) }), 'Services'), ...errors },
      }),
      async (c) =>
        c.json({ services: await listServices(deps, requireActor(c), c.req.valid('query').kind) }, 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/services/{id}',
        tags: ['services'],
        summary: 'One service, by id or address (slug)',
        request: { params: IdParam },
        responses: { 200: json(Service, 'The service'), ...errors },
      }),
      async (c) => c.json(await getService(deps, requireActor(c), c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/services',
        tags: ['services'],
        summary: 'Add an offer to the catalogue (cluster managers)',
        request: jsonBody(CreateServiceBody),
        responses: {
          201: json(Service, 'The new service'),
          409: json(z.any(), 'The address is taken'),
          ...errors,
        },
      }),
      async (c) => c.json(await createService(deps, requireActor(c), c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/services/{id}',
        tags: ['services'],
        summary: 'Change an offer, its request form or its handling team (cluster managers)',
        request: { params: IdParam, ...jsonBody(UpdateServiceBody) },
        responses: {
          200: json(Service, 'The service'),
          409: json(z.any(), 'The address is taken'),
          ...errors,
        },
      }),
      async (c) =>
        c.json(await updateService(deps, requireActor(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
}
