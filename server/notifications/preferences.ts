/**
 * Each user's notification switches: one per type (in-app), and whether the weekly digest is
 * e-mailed. Only departures from the default (on) are stored.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  NotificationPreferences,
  NotificationType,
  UpdatePreferencesBody,
} from '../../shared/notifications.ts';
import { NOTIFICATION_TYPES } from '../../shared/vocabularies.ts';
import { notificationPreferences } from '../db/schema/index.ts';
import { commit } from '../db/writer.ts';
import type { ServiceDeps } from '../deps.ts';

export const DIGEST_EMAIL_KEY = 'digest_email';

export async function getPreferences(
  deps: ServiceDeps,
  userId: string,
  emailAvailable: boolean,
): Promise<NotificationPreferences> {
  const rows = await deps.db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const stored = new Map(rows.map((r) => [r.key, r.enabled]));
  const types = Object.fromEntries(NOTIFICATION_TYPES.map((t) => [t, stored.get(t) ?? true])) as Record<
    NotificationType,
    boolean
  >;
  return { types, digestEmail: stored.get(DIGEST_EMAIL_KEY) ?? true, emailAvailable };
}

export async function updatePreferences(
  deps: ServiceDeps,
  userId: string,
  body: z.output<typeof UpdatePreferencesBody>,
  emailAvailable: boolean,
): Promise<NotificationPreferences> {
  const now = deps.clock();
  const changes: [string, boolean][] = [
    ...Object.entries(body.types ?? {}).filter((e): e is [string, boolean] => typeof e[1] === 'boolean'),
    ...(body.digestEmail === undefined ? [] : [[DIGEST_EMAIL_KEY, body.digestEmail] as [string, boolean]]),
  ];
  await commit(
    deps.db,
    changes.map(([key, enabled]) =>
      deps.db
        .insert(notificationPreferences)
        .values({ userId, key, enabled, updatedAt: now })
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.key],
          set: { enabled, updatedAt: now },
        }),
    ),
  );
  return getPreferences(deps, userId, emailAvailable);
}
