/**
 * The live documents' storage: an append-only log of Yjs updates per document, and snapshots
 * that cover older log rows. A document = its latest snapshot + its pending log rows.
 *
 * Nothing a snapshot absorbs is lost: compaction moves the rows it covers from `doc_updates`
 * (the pending log, what a cold load reads) to `doc_history` (kept for time travel), with
 * their time and author. Live storage (snapshot + pending log) and history can be measured
 * apart.
 */
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const docUpdates = sqliteTable(
  'doc_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    docName: text('doc_name').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
    /** whose update this was (null for server-made updates such as the demo seed) */
    userId: text('user_id'),
    /** server time at which the update entered the document; its commit follows in the same group commit */
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('doc_updates_doc_idx').on(t.docName, t.id)],
);

export const docSnapshots = sqliteTable(
  'doc_snapshots',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    docName: text('doc_name').notNull(),
    /** Y.encodeStateAsUpdate of the document */
    data: blob('data', { mode: 'buffer' }).notNull(),
    /** how many log rows this snapshot absorbed */
    absorbed: integer('absorbed').notNull(),
    /**
     * true when the rows it absorbed were kept in `doc_history`: the snapshot is then the
     * previous snapshot plus those rows, and may be dropped without losing history. False for
     * a document's first snapshot (the demo seed) and those written before history was kept,
     * which move to `doc_history` when pruned.
     */
    logKept: integer('log_kept', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    /**
     * the snapshot holds every log row of its document with an id up to this one (null for
     * snapshots written before nodes could share a database). A snapshot is written only if
     * none of its document's covers as much: two nodes compacting at once cannot drop rows.
     */
    upto: integer('upto'),
  },
  (t) => [index('doc_snapshots_doc_idx').on(t.docName, t.id)],
);

/**
 * Log rows absorbed into a snapshot, kept for time travel; same id, data, author and time.
 * A pruned snapshot that history cannot rebuild (a document's first) is kept here too, as a
 * row with the negated snapshot id: applied like an update, it restores what it held.
 */
export const docHistory = sqliteTable(
  'doc_history',
  {
    /** the row's id in doc_updates (never reused there), or minus the id of a moved snapshot */
    id: integer('id').primaryKey(),
    docName: text('doc_name').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
    userId: text('user_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    /** the snapshot that absorbed it (the snapshot row may since have been pruned) */
    snapshotId: integer('snapshot_id').notNull(),
  },
  (t) => [index('doc_history_doc_idx').on(t.docName, t.createdAt)],
);

/**
 * How far a document's projection (its milestone, readiness and criterion rows, and their audit
 * events) is known to be written: the rows reflect the document made of its latest snapshot and
 * every log row of it up to `upto`. A document loaded with no log row above its mark needs no
 * reconciling with its rows, and can stay encoded (dormant) until someone writes. Written by a
 * single node with the rows it projects (several nodes never write it, and reconcile on load).
 */
export const docProjectionMarks = sqliteTable('doc_projection_marks', {
  docName: text('doc_name').primaryKey(),
  upto: integer('upto').notNull(),
});
