/**
 * Comments on milestones. Not in the live document: mentors comment without write access to
 * it, and observers must never receive team comments, which a shared document cannot filter.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { now, user } from './auth.ts';
import { projects } from './projects.ts';

export const comments = sqliteTable(
  'comments',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    milestoneId: text('milestone_id').notNull(),
    /** the thread's first comment, for a reply */
    parentId: text('parent_id'),
    authorId: text('author_id')
      .notNull()
      .references(() => user.id),
    body: text('body').notNull(),
    /** user ids named in the body */
    mentions: text('mentions', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** 'team' (members and mentors) or 'partners' (also observers) */
    visibility: text('visibility').notNull(),
    resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
    resolvedBy: text('resolved_by'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
  },
  (t) => [index('comments_project_idx').on(t.projectId, t.milestoneId, t.createdAt)],
);
