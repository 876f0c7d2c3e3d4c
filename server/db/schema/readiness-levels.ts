/**
 * Readiness thresholds per gate, and each project's TRL-style level on its track.
 *
 * A threshold belongs to a framework version (like its criteria): editing a framework copies
 * them into the next version, so a gate review keeps the thresholds it was requested under.
 * A project's level is a history: every change is a row (from → to, evidence, who, when); the
 * current level is the newest row. The stage says where the project is in the gate process;
 * the level says how mature the technology is, and the two move separately.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { user } from './auth.ts';
import { frameworks, readinessDimensions } from './frameworks.ts';
import { gateReviews } from './gates.ts';
import { projects } from './projects.ts';

export const gateReadinessThresholds = sqliteTable(
  'gate_readiness_thresholds',
  {
    frameworkId: text('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    /** the gate that ends this stage */
    stageIndex: integer('stage_index').notNull(),
    dimension: text('dimension')
      .notNull()
      .references(() => readinessDimensions.id),
    /** the level the dimension must reach before the gate */
    minLevel: integer('min_level').notNull(),
  },
  (t) => [primaryKey({ columns: [t.frameworkId, t.stageIndex, t.dimension] })],
);

/** The thresholds not met when the review was requested: the warning the lead saw, kept. */
export const gateReviewThresholdWarnings = sqliteTable(
  'gate_review_threshold_warnings',
  {
    reviewId: text('review_id')
      .notNull()
      .references(() => gateReviews.id),
    dimension: text('dimension').notNull(),
    required: integer('required').notNull(),
    /** the level scored then; null when the dimension was not scored */
    current: integer('current'),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.dimension] })],
);

export const projectLevelChanges = sqliteTable(
  'project_level_changes',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** the level before; null for the first one recorded */
    fromLevel: integer('from_level'),
    level: integer('level').notNull(),
    evidence: text('evidence').notNull(),
    setBy: text('set_by')
      .notNull()
      .references(() => user.id),
    setAt: integer('set_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('project_level_changes_project_idx').on(t.projectId, t.setAt)],
);
