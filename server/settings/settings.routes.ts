/** /api/settings: the cluster's settings (cluster managers, from a signed-in browser session). */
import { createRoute } from '@hono/zod-openapi';
import { ClusterSettings, UpdateSettingsBody } from '../../shared/schemas/settings.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, json, jsonBody } from '../http/router.ts';
import { readSettings } from './read-settings.ts';
import { updateSettings } from './update-settings.ts';

export function settingsRoutes(deps: ServiceDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/settings',
        tags: ['settings'],
        summary: "The cluster's settings (cluster managers)",
        responses: { 200: json(ClusterSettings, 'The settings, defaults filled in'), ...errors },
      }),
      async (c) => {
        requireClusterAction(deps, requireActor(c), 'settings.manage');
        return c.json(await readSettings(deps), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/settings',
        tags: ['settings'],
        summary: "Change the cluster's settings (cluster managers, from a signed-in session)",
        request: jsonBody(UpdateSettingsBody),
        responses: { 200: json(ClusterSettings, 'The settings after the change'), ...errors },
      }),
      async (c) => c.json(await updateSettings(deps, requireActor(c), c.req.valid('json')), 200),
    );
}
