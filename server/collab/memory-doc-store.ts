/**
 * A document store in memory, with the semantics of the libSQL one (doc-store.ts): row ids given
 * in commit order across documents and never reused, snapshots that absorb the rows up to a mark
 * into history, and a compaction that writes nothing when a snapshot already covers as much.
 * Several rooms given one instance behave as nodes sharing one database. For tests of the engine:
 * an append is committed at once, and its promise resolves on the next microtask.
 */
import type { DocStore, LogRow, StoredDoc } from './doc-store.ts';
import type { LongLogs } from './start-compaction.ts';

interface Row extends LogRow {
  userId: string | null;
}

interface Snapshot {
  data: Uint8Array;
  upto: number;
}

export class MemoryDocStore implements DocStore, LongLogs {
  /** the highest row id given: every row up to it is committed */
  private lastId = 0;
  private readonly pending = new Map<string, Row[]>();
  private readonly history = new Map<string, Row[]>();
  private readonly snapshots = new Map<string, Snapshot>();
  private readonly marks = new Map<string, number>();

  async load(docName: string): Promise<StoredDoc> {
    const snapshot = this.snapshots.get(docName);
    return {
      snapshot: snapshot?.data ?? null,
      snapshotUpto: snapshot?.upto ?? null,
      updates: (this.pending.get(docName) ?? []).map(({ id, data }) => ({ id, data })),
      through: this.lastId,
      projectedUpto: this.marks.get(docName) ?? null,
    };
  }

  append(docName: string, update: Uint8Array, userId: string | null): Promise<number> {
    const id = ++this.lastId;
    rowsOf(this.pending, docName).push({ id, data: update, userId });
    return Promise.resolve(id);
  }

  async since(
    docName: string,
    after: number,
    known: ReadonlySet<number>,
  ): Promise<{ rows: LogRow[]; through: number }> {
    const rows = this.rowsOf(docName)
      .filter((r) => r.id > after && !known.has(r.id))
      .map(({ id, data }) => ({ id, data }));
    return { rows, through: this.lastId };
  }

  async idsSince(after: number): Promise<{ byDoc: Map<string, number[]>; through: number }> {
    const byDoc = new Map<string, number[]>();
    for (const docName of new Set([...this.pending.keys(), ...this.history.keys()])) {
      const ids = this.rowsOf(docName)
        .filter((r) => r.id > after)
        .map((r) => r.id);
      if (ids.length) byDoc.set(docName, ids);
    }
    return { byDoc, through: this.lastId };
  }

  async compact(docName: string, state: Uint8Array, upto: number): Promise<boolean> {
    const latest = this.snapshots.get(docName);
    if (latest && latest.upto >= upto) return false;
    this.snapshots.set(docName, { data: state, upto });
    const rows = this.pending.get(docName) ?? [];
    rowsOf(this.history, docName).push(...rows.filter((r) => r.id <= upto));
    this.pending.set(
      docName,
      rows.filter((r) => r.id > upto),
    );
    return true;
  }

  async longLogs(minRows: number, minBytes: number): Promise<string[]> {
    return [...this.pending]
      .filter(
        ([, rows]) => rows.length >= minRows || rows.reduce((n, r) => n + r.data.byteLength, 0) >= minBytes,
      )
      .map(([name]) => name);
  }

  async flush(): Promise<void> {}

  /** Records that the document's rows reflect its log up to `upto` (as the projection would). */
  markProjected(docName: string, upto: number): void {
    this.marks.set(docName, upto);
  }

  /** Every row of the document, pending or in history, by id. */
  private rowsOf(docName: string): Row[] {
    return [...(this.history.get(docName) ?? []), ...(this.pending.get(docName) ?? [])].sort(
      (a, b) => a.id - b.id,
    );
  }
}

function rowsOf(table: Map<string, Row[]>, docName: string): Row[] {
  const rows = table.get(docName);
  if (rows) return rows;
  const created: Row[] = [];
  table.set(docName, created);
  return created;
}
