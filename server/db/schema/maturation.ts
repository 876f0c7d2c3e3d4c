/**
 * Relational projections of each project's live document (milestones, readiness, gate
 * criteria checks), written by server/milestones/projection.ts so that the portfolio, search and
 * reports query SQL, not Yjs. The document is the source of truth; these rows follow it.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { projects } from './projects.ts';

export const milestones = sqliteTable(
  'milestones',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerId: text('owner_id'),
    due: text('due'),
    status: text('status').notNull(),
    stage: integer('stage').notNull(),
    dimension: text('dimension'),
    dependsOn: text('depends_on', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** the fractional order key (shared/doc/order.ts): sorts with plain byte comparison */
    position: text('position').notNull().default(''),
    updatedBy: text('updated_by'),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('milestones_project_idx').on(t.projectId),
    index('milestones_status_idx').on(t.status, t.due),
  ],
);

export const readiness = sqliteTable(
  'readiness',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    dimension: text('dimension').notNull(),
    level: integer('level').notNull(),
    evidence: text('evidence').notNull().default(''),
    updatedBy: text('updated_by'),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.dimension] })],
);

export const criterionChecks = sqliteTable(
  'criterion_checks',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    criterionId: text('criterion_id').notNull(),
    checked: integer('checked', { mode: 'boolean' }).notNull(),
    evidence: text('evidence').notNull().default(''),
    checkedBy: text('checked_by'),
    checkedAt: integer('checked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.criterionId] })],
);
