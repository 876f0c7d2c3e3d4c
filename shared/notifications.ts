/**
 * Notifications and the weekly digest: the REST shapes and the live event, used by both sides.
 *
 * Adding a notification type is three small changes:
 *  1. add its name to `NOTIFICATION_TYPES` (shared/vocabularies.ts) (preferences, the API and the migration-free
 *     `type` column follow: the column is plain text);
 *  2. on the server, write it where the action happens: build the statements with
 *     `prepareNotifications(deps, { type, projectId, actorId, subject, payload, recipients })`
 *     (server/notifications/notify.ts), put `prepared.statements` in the action's `commit`,
 *     then call `prepared.publish()`;
 *  3. on the client, give it a sentence in client/i18n/notifications.en.ts and .fr.ts
 *     (`kinds`), which TypeScript then requires.
 */
import { z } from 'zod';
import { NOTIFICATION_TYPES } from './vocabularies.ts';

export const NotificationType = z.enum(NOTIFICATION_TYPES);
export type NotificationType = z.infer<typeof NotificationType>;

/** What a notification is about, for its link: the project page, opened at the milestone if any. */
export const NotificationSubject = z.object({
  kind: z.enum(['project', 'milestone', 'comment', 'gate_review', 'service_request']),
  id: z.string(),
});
export type NotificationSubject = z.infer<typeof NotificationSubject>;

/**
 * Names and values as they were when the notification was written (a notification tells what
 * happened then; a renamed milestone does not rewrite the past).
 */
export const NotificationPayload = z.object({
  actor: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
  projectTitle: z.string().optional(),
  milestone: z.object({ id: z.string(), title: z.string() }).optional(),
  /** the first characters of a comment's text */
  excerpt: z.string().optional(),
  /** the gate: the stage it closes */
  stageIndex: z.number().int().optional(),
  outcome: z.string().optional(),
  /** the role you were given (or, for an invitation, the role it offered) */
  role: z.string().optional(),
  /** an invitation's address */
  email: z.string().optional(),
  due: z.string().optional(),
  /** a service request: the service's name and the request's status */
  service: z.object({ en: z.string(), fr: z.string() }).optional(),
  status: z.string().optional(),
  /** a service request told to its handling side: it opens in the handling queue */
  queue: z.boolean().optional(),
});
export type NotificationPayload = z.infer<typeof NotificationPayload>;

export const Notification = z.object({
  id: z.string(),
  type: NotificationType,
  projectId: z.string().nullable(),
  subject: NotificationSubject,
  payload: NotificationPayload,
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof Notification>;

export const NotificationListQuery = z.object({
  /** only unread ones */
  unread: z.enum(['0', '1']).optional(),
  /** the `nextBefore` of the previous page */
  before: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const NotificationPage = z.object({
  notifications: z.array(Notification),
  unread: z.number().int(),
  /** pass as `before` for the next (older) page; null at the end */
  nextBefore: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

export const MarkReadBody = z.union([
  z.object({ ids: z.array(z.string().min(1).max(64)).min(1).max(200) }),
  z.object({ all: z.literal(true) }),
]);
export type MarkReadBody = z.infer<typeof MarkReadBody>;

export const MarkReadReply = z.object({ marked: z.number().int(), unread: z.number().int() });

/** Per-type switches (in-app), and whether the weekly digest is e-mailed (when SMTP is set up). */
export const NotificationPreferences = z.object({
  types: z.record(NotificationType, z.boolean()),
  digestEmail: z.boolean(),
  /** whether this server can send e-mail at all (SMTP configured); read-only */
  emailAvailable: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const UpdatePreferencesBody = z
  .object({
    types: z.partialRecord(NotificationType, z.boolean()).optional(),
    digestEmail: z.boolean().optional(),
  })
  .strict();

/** ISO week, e.g. `2026-W48`. */
export const IsoWeek = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'A week looks like 2026-W48');

export const DigestQuery = z.object({ week: IsoWeek.optional() });

export const Digest = z.object({
  week: z.string(),
  /** Monday 00:00 UTC to the next Monday */
  from: z.string(),
  to: z.string(),
  locale: z.enum(['en', 'fr']),
  /** 'team' (milestones, comments, gates) or 'observer' (stage and readiness changes only) */
  audience: z.enum(['team', 'observer', 'mixed']),
  projects: z.number().int(),
  changes: z.number().int(),
  /** the whole digest as an accessible HTML document, the same as the e-mail */
  html: z.string(),
});
export type Digest = z.infer<typeof Digest>;
