/**
 * The live documents' storage: an append-only log of Yjs updates per document, and snapshots
 * that cover (and replace) older log rows. A document = its latest snapshot + its log rows.
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
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('doc_snapshots_doc_idx').on(t.docName, t.id)],
);
