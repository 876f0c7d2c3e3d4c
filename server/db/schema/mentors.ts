/** The mentors directory (profiles) and the requests leads send mentors to join a project. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { now, user } from './auth.ts';
import { projects } from './projects.ts';

export const mentorProfiles = sqliteTable('mentor_profiles', {
  userId: text('user_id')
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  headlineEn: text('headline_en').notNull(),
  headlineFr: text('headline_fr').notNull(),
  bioEn: text('bio_en').notNull().default(''),
  bioFr: text('bio_fr').notNull().default(''),
  /** focus-area keys (shared/directory.ts) */
  expertise: text('expertise', { mode: 'json' }).$type<string[]>().notNull().default([]),
  /** ISO 639-1 codes */
  languages: text('languages', { mode: 'json' }).$type<string[]>().notNull().default([]),
  /** available | limited | unavailable */
  availability: text('availability').notNull().default('available'),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(now),
});

export const mentorRequests = sqliteTable(
  'mentor_requests',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    mentorId: text('mentor_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    requestedBy: text('requested_by')
      .notNull()
      .references(() => user.id),
    message: text('message').notNull(),
    /** pending | accepted | declined */
    status: text('status').notNull(),
    response: text('response'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    respondedAt: integer('responded_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('mentor_requests_mentor_idx').on(t.mentorId, t.status),
    index('mentor_requests_project_idx').on(t.projectId),
  ],
);
