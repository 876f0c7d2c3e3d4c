/**
 * The document store Jalon runs on: libSQL (embedded file or libSQL server), tables
 * doc_updates, doc_snapshots and doc_history (server/db/schema/documents.ts).
 *
 * Durability: `append` resolves only once its row is committed. Appends are committed together
 * (group commit): those of one turn of the event loop, those that arrive while a commit is in
 * flight, and, under load, those of a commit window. A commit costs far more than the row it
 * writes (the fsync, and waking the write thread and then the event loop: about 0.4 ms of CPU
 * per commit on a small virtual machine, docs/performance.md), so a store begins at most one
 * commit per window: an append that finds the last commit begun less than a window ago waits
 * for the first later turn that finds the window over, or for a timer a window later still,
 * whichever comes first. An append after a quiet spell is committed at once; the window costs
 * latency only when commits follow each other closely, and never more than two windows.
 */
import type { Client } from '@libsql/client';
import { readConnectionOf, writeConnectionOf } from '../db/client.ts';
import type { ReadConnection } from '../db/read-connection.ts';
import type { WriteConnection } from '../db/write-connection.ts';
import type { DocStore, LogRow, StoredDoc } from './doc-store.ts';
import type { LongLogs } from './start-compaction.ts';

interface PendingAppend {
  docName: string;
  data: Uint8Array;
  userId: string | null;
  at: number;
  resolve: (id: number) => void;
  reject: (err: unknown) => void;
}

/** the highest log row id ever given (ids are never reused) */
const THROUGH = {
  sql: "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'doc_updates'), 0) AS seq",
  args: [],
};
const INSERT_UPDATE = 'INSERT INTO doc_updates (doc_name, data, user_id, created_at) VALUES (?, ?, ?, ?)';
const DAY_MS = 86_400_000;

export interface DocStoreOptions {
  /** a store begins at most one commit per this many ms (0: one per turn of the event loop) */
  commitWindowMs: number;
}

export const DEFAULT_DOC_STORE_OPTIONS: DocStoreOptions = { commitWindowMs: 8 };

export class LibsqlDocStore implements DocStore, LongLogs {
  private pending: PendingAppend[] = [];
  private inFlight: Promise<void> | null = null;
  private scheduled = false;
  /** when the last commit began (performance.now()) */
  private lastCommitAt = Number.NEGATIVE_INFINITY;
  /** commits what waits if no later turn does within the window (see the header) */
  private windowTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly writes: WriteConnection;
  private readonly reads: ReadConnection;

  constructor(
    client: Client,
    private readonly clock: () => Date = () => new Date(),
    private readonly options: DocStoreOptions = DEFAULT_DOC_STORE_OPTIONS,
  ) {
    this.writes = writeConnectionOf(client);
    this.reads = readConnectionOf(client);
  }

  async load(docName: string): Promise<StoredDoc> {
    // One read transaction: `through` holds for the rows read with it.
    const [snap, rows, through, mark] = await this.reads.read([
      {
        sql: 'SELECT data, upto FROM doc_snapshots WHERE doc_name = ? ORDER BY id DESC LIMIT 1',
        args: [docName],
      },
      { sql: 'SELECT id, data FROM doc_updates WHERE doc_name = ? ORDER BY id', args: [docName] },
      THROUGH,
      { sql: 'SELECT upto FROM doc_projection_marks WHERE doc_name = ?', args: [docName] },
    ]);
    const [data, upto] = snap?.[0] ?? [];
    const projected = mark?.[0]?.[0];
    return {
      snapshot: data ? bytes(data) : null,
      snapshotUpto: idOrNull(upto),
      updates: (rows ?? []).map(toLogRow),
      through: Number(through?.[0]?.[0] ?? 0),
      projectedUpto: idOrNull(projected),
    };
  }

  async longLogs(minRows: number, minBytes: number): Promise<string[]> {
    const [found] = await this.reads.read([
      {
        sql: `SELECT doc_name FROM doc_updates GROUP BY doc_name
              HAVING count(*) >= ? OR sum(length(data)) >= ? ORDER BY min(id)`,
        args: [minRows, minBytes],
      },
    ]);
    return (found ?? []).map((r) => String(r[0]));
  }

  async since(
    docName: string,
    after: number,
    known: ReadonlySet<number>,
  ): Promise<{ rows: LogRow[]; through: number }> {
    // Ids first (cheap); the data only of the rows this node has not applied yet.
    const [ids, through] = await this.reads.read([
      {
        sql: `SELECT id FROM doc_updates WHERE doc_name = ? AND id > ?
              UNION ALL SELECT id FROM doc_history WHERE doc_name = ? AND id > ?`,
        args: [docName, after, docName, after],
      },
      THROUGH,
    ]);
    const upTo = Number(through?.[0]?.[0] ?? after);
    const missing = (ids ?? []).map((r) => Number(r[0])).filter((id) => id <= upTo && !known.has(id));
    if (missing.length === 0) return { rows: [], through: upTo };
    const list = JSON.stringify(missing);
    const [found] = await this.reads.read([
      {
        sql: `SELECT id, data FROM doc_updates WHERE id IN (SELECT value FROM json_each(?))
              UNION ALL SELECT id, data FROM doc_history WHERE id IN (SELECT value FROM json_each(?))
              ORDER BY id`,
        args: [list, list],
      },
    ]);
    // A row is in one table or the other; a compaction between the two reads moved it, and the
    // union still finds it. De-duplicate in case it was read from both.
    const rows = new Map<number, LogRow>();
    for (const r of found ?? []) rows.set(Number(r[0]), toLogRow(r));
    return { rows: [...rows.values()], through: upTo };
  }

  async idsSince(after: number): Promise<{ byDoc: Map<string, number[]>; through: number }> {
    const [found, through] = await this.reads.read([
      {
        sql: `SELECT doc_name, id FROM doc_updates WHERE id > ?
              UNION ALL SELECT doc_name, id FROM doc_history WHERE id > ?`,
        args: [after, after],
      },
      THROUGH,
    ]);
    const byDoc = new Map<string, number[]>();
    for (const [docName, id] of found ?? []) {
      const name = String(docName);
      const ids = byDoc.get(name);
      if (ids) ids.push(Number(id));
      else byDoc.set(name, [Number(id)]);
    }
    return { byDoc, through: Number(through?.[0]?.[0] ?? after) };
  }

  append(docName: string, update: Uint8Array, userId: string | null): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ docName, data: update, userId, at: this.clock().getTime(), resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled || this.inFlight) return;
    const wait = this.lastCommitAt + this.options.commitWindowMs - performance.now();
    if (wait > 0) {
      this.windowTimer ??= setTimeout(() => {
        this.windowTimer = null;
        this.schedule();
      }, wait + this.options.commitWindowMs);
      return;
    }
    this.clearWindowTimer();
    this.scheduled = true;
    // Let every message already read from the sockets join this commit.
    setImmediate(() => {
      this.scheduled = false;
      void this.commitPending();
    });
  }

  private clearWindowTimer() {
    if (!this.windowTimer) return;
    clearTimeout(this.windowTimer);
    this.windowTimer = null;
  }

  private commitPending(): Promise<void> {
    const batch = this.pending;
    if (batch.length === 0) return Promise.resolve();
    this.pending = [];
    this.lastCommitAt = performance.now();
    const run = (async () => {
      try {
        const results = await this.writes.batch(
          batch.map((p) => ({ sql: INSERT_UPDATE, args: [p.docName, p.data, p.userId, p.at] })),
        );
        for (const [i, p] of batch.entries()) p.resolve(results[i]?.lastInsertRowid ?? 0);
      } catch (err) {
        for (const p of batch) p.reject(err);
      }
    })();
    this.inFlight = run.finally(() => {
      this.inFlight = null;
      if (this.pending.length) this.schedule();
    });
    return this.inFlight;
  }

  async flush(): Promise<void> {
    this.clearWindowTimer();
    while (this.inFlight || this.pending.length) {
      if (this.inFlight) await this.inFlight;
      else await this.commitPending();
    }
  }

  async compact(docName: string, state: Uint8Array, upto: number): Promise<boolean> {
    const now = this.clock().getTime();
    const startOfDay = now - (now % DAY_MS);
    const latest = 'SELECT max(id) FROM doc_snapshots WHERE doc_name = ?';
    const [written] = await this.writes.batch([
      // Only if no snapshot of this document covers as much already: with several nodes, the
      // one that compacts later with an older view must not replace a newer snapshot.
      {
        sql: `INSERT INTO doc_snapshots (doc_name, data, absorbed, log_kept, created_at, upto)
                SELECT ?, ?, (SELECT count(*) FROM doc_updates WHERE doc_name = ? AND id <= ?), 1, ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM doc_snapshots WHERE doc_name = ? AND upto >= ?)`,
        args: [docName, state, docName, upto, now, upto, docName, upto],
      },
      // The rows the latest snapshot holds move to history, with their time and author,
      // tagged with it (a row appended meanwhile, beyond `upto`, stays pending).
      {
        sql: `INSERT INTO doc_history (id, doc_name, data, user_id, created_at, snapshot_id)
                SELECT id, doc_name, data, user_id, created_at, (${latest})
                FROM doc_updates
                WHERE doc_name = ? AND id <= (SELECT upto FROM doc_snapshots WHERE id = (${latest}))`,
        args: [docName, docName, docName],
      },
      {
        sql: `DELETE FROM doc_updates
                WHERE doc_name = ? AND id <= (SELECT upto FROM doc_snapshots WHERE id = (${latest}))`,
        args: [docName, docName],
      },
      // Today's newest snapshot replaces today's others. One that cannot be rebuilt from an
      // earlier snapshot plus history rows (a document's first, or one written before history
      // was kept) moves to history as a row first (id = -snapshot id): a snapshot is an update.
      {
        sql: `INSERT INTO doc_history (id, doc_name, data, user_id, created_at, snapshot_id)
                SELECT -id, doc_name, data, NULL, created_at,
                       (SELECT max(id) FROM doc_snapshots WHERE doc_name = ?)
                FROM doc_snapshots
                WHERE doc_name = ? AND log_kept = 0 AND created_at >= ?
                  AND id < (SELECT max(id) FROM doc_snapshots WHERE doc_name = ?)`,
        args: [docName, docName, startOfDay, docName],
      },
      {
        sql: 'DELETE FROM doc_snapshots WHERE doc_name = ? AND created_at >= ? AND id < (SELECT max(id) FROM doc_snapshots WHERE doc_name = ?)',
        args: [docName, startOfDay, docName],
      },
    ]);
    return (written?.rowsAffected ?? 0) > 0;
  }
}

/** A row id as read, or null for SQL NULL or no row. */
function idOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** A row `[id, data]` as read. */
function toLogRow(r: unknown[]): LogRow {
  return { id: Number(r[0]), data: bytes(r[1]) };
}

/** A blob as read: the driver's Buffer, or an ArrayBuffer through the client (no copy). */
function bytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  throw new TypeError('Expected binary data in the document store');
}
