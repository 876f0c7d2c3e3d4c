/**
 * Rebuilds a project document as it stood at an instant, from what the doc store keeps: the
 * newest snapshot written by then, plus every update made by then that this snapshot does not
 * hold (pending rows, and history rows absorbed by a later snapshot). Applying an update the
 * snapshot already holds changes nothing, so the result is exactly the document made of the
 * updates the server had taken by then.
 */
import { sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../db/client.ts';

interface Row {
  id: number;
  data: Uint8Array;
  at: number;
}

const toBytes = (v: unknown) => new Uint8Array(v as ArrayBuffer);

export async function documentAt(db: Db, docName: string, at: number): Promise<Y.Doc> {
  const [base] = await db.all<{ id: number; data: ArrayBuffer }>(sql`
    SELECT id, data FROM doc_snapshots
    WHERE doc_name = ${docName} AND created_at <= ${at}
    ORDER BY created_at DESC, id DESC LIMIT 1`);
  const baseId = base ? Number(base.id) : 0;
  const rows = await db.all<{ id: number; data: ArrayBuffer; created_at: number }>(sql`
    SELECT id, data, created_at FROM doc_history
      WHERE doc_name = ${docName} AND created_at <= ${at} AND snapshot_id > ${baseId}
    UNION ALL
    SELECT id, data, created_at FROM doc_updates
      WHERE doc_name = ${docName} AND created_at <= ${at}
    ORDER BY created_at, id`);
  const updates = [...(base ? [toBytes(base.data)] : []), ...rows.map((r) => toBytes(r.data))];
  const doc = new Y.Doc();
  // one by one: an old update overlapping the snapshot is skipped where merging might not be
  doc.transact(() => {
    for (const u of updates) Y.applyUpdate(doc, u);
  });
  return doc;
}

/**
 * Every change of a document in time order, for series over its whole life: the snapshots
 * that cannot be rebuilt from the log (the first one, those written before history was kept)
 * and every update, history and pending. Consecutive items may repeat content; replaying them
 * in order is what matters.
 */
export async function documentTimeline(db: Db, docName: string): Promise<Row[]> {
  const rows = await db.all<{ id: number; data: ArrayBuffer; created_at: number; kind: number }>(sql`
    SELECT id, data, created_at, 0 AS kind FROM doc_snapshots WHERE doc_name = ${docName} AND log_kept = 0
    UNION ALL
    SELECT id, data, created_at, 1 AS kind FROM doc_history WHERE doc_name = ${docName}
    UNION ALL
    SELECT id, data, created_at, 1 AS kind FROM doc_updates WHERE doc_name = ${docName}
    ORDER BY created_at, kind, id`);
  return rows.map((r) => ({ id: Number(r.id), data: toBytes(r.data), at: Number(r.created_at) }));
}
