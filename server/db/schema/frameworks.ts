/**
 * Maturation frameworks as data: a cluster can add its own without code. A framework is a
 * track (therapeutics, diagnostics, device); it has nine levels, six stages each ending in a
 * gate, and the gate's criteria. Readiness dimensions are shared by every track.
 */
import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { now } from './auth.ts';

export const frameworks = sqliteTable('frameworks', {
  id: text('id').primaryKey(),
  nameEn: text('name_en').notNull(),
  nameFr: text('name_fr').notNull(),
  descriptionEn: text('description_en').notNull(),
  descriptionFr: text('description_fr').notNull(),
  builtIn: integer('built_in', { mode: 'boolean' }).notNull().default(false),
  /**
   * the framework this is a version of (the id of its first version). Editing a framework makes
   * a new row with the same lineage and the next version; projects and gate reviews keep the
   * row they were started or decided under.
   */
  lineage: text('lineage').notNull().default(''),
  version: integer('version').notNull().default(1),
  /** what changed from the previous version, in the editor's words */
  changeNote: text('change_note').notNull().default(''),
  /** who signs a gate decision of a review with a committee: 'chair' or 'all' (every member) */
  gateSigning: text('gate_signing').notNull().default('chair'),
  createdBy: text('created_by'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
});

export const frameworkLevels = sqliteTable(
  'framework_levels',
  {
    frameworkId: text('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    level: integer('level').notNull(),
    titleEn: text('title_en').notNull(),
    titleFr: text('title_fr').notNull(),
    descriptionEn: text('description_en').notNull(),
    descriptionFr: text('description_fr').notNull(),
  },
  (t) => [primaryKey({ columns: [t.frameworkId, t.level] })],
);

export const frameworkStages = sqliteTable(
  'framework_stages',
  {
    frameworkId: text('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    stageIndex: integer('stage_index').notNull(),
    key: text('key').notNull(),
    nameEn: text('name_en').notNull(),
    nameFr: text('name_fr').notNull(),
    minLevel: integer('min_level').notNull(),
    maxLevel: integer('max_level').notNull(),
    gateNameEn: text('gate_name_en').notNull(),
    gateNameFr: text('gate_name_fr').notNull(),
  },
  (t) => [primaryKey({ columns: [t.frameworkId, t.stageIndex] })],
);

export const gateCriteria = sqliteTable(
  'gate_criteria',
  {
    id: text('id').primaryKey(),
    frameworkId: text('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    /** the gate that ends this stage */
    stageIndex: integer('stage_index').notNull(),
    key: text('key').notNull(),
    /** 'must' (checklist with evidence) or 'should' (scored 1–5) */
    kind: text('kind').notNull(),
    textEn: text('text_en').notNull(),
    textFr: text('text_fr').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('gate_criteria_key_idx').on(t.frameworkId, t.key)],
);

export const readinessDimensions = sqliteTable('readiness_dimensions', {
  id: text('id').primaryKey(),
  nameEn: text('name_en').notNull(),
  nameFr: text('name_fr').notNull(),
  descriptionEn: text('description_en').notNull(),
  descriptionFr: text('description_fr').notNull(),
  position: integer('position').notNull(),
});

export const readinessDimensionLevels = sqliteTable(
  'readiness_dimension_levels',
  {
    dimensionId: text('dimension_id')
      .notNull()
      .references(() => readinessDimensions.id, { onDelete: 'cascade' }),
    level: integer('level').notNull(),
    textEn: text('text_en').notNull(),
    textFr: text('text_fr').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dimensionId, t.level] })],
);
