/** /api/me/sessions: your signed-in browsers, and signing one of them out. */
import { createRoute } from '@hono/zod-openapi';
import { SessionList } from '../../shared/schemas/me.ts';
import type { Auth } from '../auth/auth.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, IdParam, json } from '../http/router.ts';
import { listSessions, signOutSession } from './sessions.ts';

export function sessionRoutes(deps: ServiceDeps & { auth: Auth }) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/me/sessions',
        tags: ['me'],
        summary: 'Your signed-in sessions: browser, sign-in and last use (within a minute)',
        responses: { 200: json(SessionList, 'Sessions, most recently used first'), ...errors },
      }),
      async (c) => c.json({ sessions: await listSessions(deps, requireActor(c)) }, 200),
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/me/sessions/{id}',
        tags: ['me'],
        summary: 'Sign out one of your sessions (its open pages lose access at once)',
        request: { params: IdParam },
        responses: { 204: { description: 'Signed out' }, ...errors },
      }),
      async (c) => {
        await signOutSession(deps, requireActor(c), c.req.raw.headers, c.req.valid('param').id);
        return c.body(null, 204);
      },
    );
}
