/**
 * Evidence files attached to a project's gate criteria, readiness scores and milestones.
 *
 * The bytes live in `evidence_blobs`, named by the SHA-256 of their content: the same file
 * uploaded twice is stored once. They are reached only through server/evidence/blob-store.ts, so
 * that an S3-compatible object store can hold them instead. An item is one file slot on one
 * target; each upload to it is a new, numbered version, and versions are never changed or
 * removed. Every download is logged.
 */
import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { user } from './auth.ts';
import { gateDecisions } from './gates.ts';
import { projects } from './projects.ts';

export const evidenceBlobs = sqliteTable('evidence_blobs', {
  /** lowercase hex SHA-256 of `bytes` */
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  /** detected from the bytes (server/evidence/file-type.ts), never from the name */
  mimeType: text('mime_type').notNull(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

export const evidenceItems = sqliteTable(
  'evidence_items',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** criterion | readiness | milestone */
    targetKind: text('target_kind').notNull(),
    /** a criterion id, a readiness dimension key, or a milestone id */
    targetId: text('target_id').notNull(),
    /** hidden from observers: listed and downloadable by the project team only */
    teamOnly: integer('team_only', { mode: 'boolean' }).notNull().default(false),
    createdBy: text('created_by')
      .notNull()
      .references(() => user.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('evidence_items_target_idx').on(t.projectId, t.targetKind, t.targetId)],
);

export const evidenceVersions = sqliteTable(
  'evidence_versions',
  {
    id: text('id').primaryKey(),
    itemId: text('item_id')
      .notNull()
      .references(() => evidenceItems.id, { onDelete: 'cascade' }),
    /** 1, 2, 3… within the item */
    version: integer('version').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => evidenceBlobs.sha256),
    fileName: text('file_name').notNull(),
    size: integer('size').notNull(),
    mimeType: text('mime_type').notNull(),
    uploadedBy: text('uploaded_by')
      .notNull()
      .references(() => user.id),
    uploadedAt: integer('uploaded_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('evidence_versions_item_version_idx').on(t.itemId, t.version)],
);

/** Who read which version, when: shown to the project's lead and the cluster managers. */
export const evidenceDownloads = sqliteTable(
  'evidence_downloads',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    versionId: text('version_id')
      .notNull()
      .references(() => evidenceVersions.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('evidence_downloads_project_idx').on(t.projectId, t.at)],
);

/**
 * The exact evidence versions of the gate's criteria when the decision was signed, written in
 * the decision's own batch and never changed afterwards.
 */
export const gateDecisionEvidence = sqliteTable(
  'gate_decision_evidence',
  {
    decisionId: text('decision_id')
      .notNull()
      .references(() => gateDecisions.id),
    criterionId: text('criterion_id').notNull(),
    versionId: text('version_id').notNull(),
    itemId: text('item_id').notNull(),
    version: integer('version').notNull(),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    teamOnly: integer('team_only', { mode: 'boolean' }).notNull(),
  },
  (t) => [uniqueIndex('gate_decision_evidence_idx').on(t.decisionId, t.versionId)],
);
