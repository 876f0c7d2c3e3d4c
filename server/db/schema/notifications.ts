/**
 * In-app notifications, each user's switches per type, and the state the milestone scan
 * keeps so that a milestone turning overdue or at risk notifies once per transition.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { now, user } from './auth.ts';
import { projects } from './projects.ts';

export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    /** one of shared/notifications.ts NOTIFICATION_TYPES (plain text: a new type needs no migration) */
    type: text('type').notNull(),
    projectId: text('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    subjectKind: text('subject_kind').notNull(),
    subjectId: text('subject_id').notNull(),
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    /**
     * Set where the same event could be written twice (two nodes scanning at once, a retried
     * action): a second insert with the same key for the same user is ignored.
     */
    dedupeKey: text('dedupe_key'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('notifications_dedupe_idx').on(t.userId, t.dedupeKey),
  ],
);

/** A row only where the user changed the default (every type on, digest e-mail on). */
export const notificationPreferences = sqliteTable(
  'notification_preferences',
  {
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    /** a notification type, or 'digest_email' */
    key: text('key').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

/**
 * Whether a milestone is currently overdue / at risk, as the last scan saw it. `episode`
 * counts the times it turned so; the notifications of one episode share a dedupe key.
 */
export const milestoneAlerts = sqliteTable(
  'milestone_alerts',
  {
    milestoneId: text('milestone_id').notNull(),
    kind: text('kind').notNull(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    active: integer('active', { mode: 'boolean' }).notNull(),
    episode: integer('episode').notNull(),
    changedAt: integer('changed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.milestoneId, t.kind] })],
);

/** The weeks whose digest was e-mailed to a user: the weekly sender sends each once. */
export const digestDeliveries = sqliteTable(
  'digest_deliveries',
  {
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    week: text('week').notNull(),
    sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.week] })],
);
