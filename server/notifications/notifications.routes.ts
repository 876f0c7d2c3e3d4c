/**
 * /api/notifications (the bell: list, unread count, mark read, preferences) and
 * /api/me/digest (the weekly digest as HTML). Thin: validate, call the use case, reply.
 */
import { createRoute } from '@hono/zod-openapi';
import {
  Digest,
  DigestQuery,
  MarkReadBody,
  MarkReadReply,
  NotificationListQuery,
  NotificationPage,
  NotificationPreferences,
  UpdatePreferencesBody,
} from '../../shared/notifications.ts';
import type { Config } from '../config.ts';
import type { ServiceDeps } from '../deps.ts';
import { requireActor } from '../http/context.ts';
import { createRouter, errors, json, jsonBody } from '../http/router.ts';
import { getDigest } from './digest.ts';
import { listNotifications, markNotificationsRead } from './list-notifications.ts';
import { getPreferences, updatePreferences } from './preferences.ts';

export function notificationRoutes(deps: ServiceDeps & { config: Config }) {
  const emailAvailable = deps.config.smtp !== null;
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/notifications',
        tags: ['notifications'],
        summary: 'Your notifications, newest first, and how many are unread',
        request: { query: NotificationListQuery },
        responses: { 200: json(NotificationPage, 'A page of notifications'), ...errors },
      }),
      async (c) => c.json(await listNotifications(deps, requireActor(c), c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/notifications/read',
        tags: ['notifications'],
        summary: 'Mark notifications read: { ids } or { all: true }',
        request: jsonBody(MarkReadBody),
        responses: { 200: json(MarkReadReply, 'How many were marked, and how many stay unread'), ...errors },
      }),
      async (c) => c.json(await markNotificationsRead(deps, requireActor(c), c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/notifications/preferences',
        tags: ['notifications'],
        summary: 'Which notifications you receive',
        responses: { 200: json(NotificationPreferences, 'Your preferences'), ...errors },
      }),
      async (c) => c.json(await getPreferences(deps, requireActor(c).id, emailAvailable), 200),
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/notifications/preferences',
        tags: ['notifications'],
        summary: 'Turn notification types, or the digest e-mail, on or off',
        request: jsonBody(UpdatePreferencesBody),
        responses: { 200: json(NotificationPreferences, 'Your preferences'), ...errors },
      }),
      async (c) =>
        c.json(await updatePreferences(deps, requireActor(c).id, c.req.valid('json'), emailAvailable), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/me/digest',
        tags: ['notifications'],
        summary: 'Your weekly digest (this week unless ?week=YYYY-Www), as HTML',
        request: { query: DigestQuery },
        responses: { 200: json(Digest, 'The digest'), ...errors },
      }),
      async (c) => c.json(await getDigest(deps, requireActor(c).id, c.req.valid('query').week), 200),
    );
}
