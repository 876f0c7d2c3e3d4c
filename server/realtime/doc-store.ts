/**
 * Where live documents are kept. The interface is what the room needs; the libSQL
 * implementation below is the one Jalon runs on (embedded file or libSQL server).
 *
 * Durability: `append` resolves only once its row is committed. Appends that arrive while a
 * commit is in flight are committed together in the next one (group commit), so a busy
 * document costs one fsync per batch, not one per update.
 *
 * History: compaction never drops an update. The rows a snapshot absorbs move to `doc_history`
 * (server/history reads it to rebuild a document as of any instant); a cold load still reads
 * only the latest snapshot and the pending log.
 */
import type { Client } from '@libsql/client';

export interface StoredDoc {
  snapshot: Uint8Array | null;
  updates: { id: number; data: Uint8Array }[];
}

export interface DocStore {
  load(docName: string): Promise<StoredDoc>;
  /** resolves with the log row's id once committed */
  append(docName: string, update: Uint8Array, userId: string | null): Promise<number>;
  /**
   * writes a snapshot of the document that includes the log rows `coveredIds`, and moves
   * those rows out of the pending log into the document's history
   */
  compact(docName: string, state: Uint8Array, coveredIds: number[]): Promise<void>;
  /** commits whatever is queued (used before unloading and at shutdown) */
  flush(): Promise<void>;
}

interface PendingAppend {
  docName: string;
  data: Uint8Array;
  userId: string | null;
  at: number;
  resolve: (id: number) => void;
  reject: (err: unknown) => void;
}

const INSERT_UPDATE = 'INSERT INTO doc_updates (doc_name, data, user_id, created_at) VALUES (?, ?, ?, ?)';
const DAY_MS = 86_400_000;

export class LibsqlDocStore implements DocStore {
  private pending: PendingAppend[] = [];
  private inFlight: Promise<void> | null = null;
  private scheduled = false;

  constructor(
    private readonly client: Client,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async load(docName: string): Promise<StoredDoc> {
    const [snap, rows] = await this.client.batch(
      [
        {
          sql: 'SELECT data FROM doc_snapshots WHERE doc_name = ? ORDER BY id DESC LIMIT 1',
          args: [docName],
        },
        { sql: 'SELECT id, data FROM doc_updates WHERE doc_name = ? ORDER BY id', args: [docName] },
      ],
      'read',
    );
    const data = snap?.rows[0]?.data;
    return {
      snapshot: data ? new Uint8Array(data as ArrayBuffer) : null,
      updates: (rows?.rows ?? []).map((r) => ({
        id: Number(r.id),
        data: new Uint8Array(r.data as ArrayBuffer),
      })),
    };
  }

  append(docName: string, update: Uint8Array, userId: string | null): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ docName, data: update, userId, at: this.clock().getTime(), resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled || this.inFlight) return;
    this.scheduled = true;
    // Let every message already read from the sockets join this commit.
    setImmediate(() => {
      this.scheduled = false;
      void this.commitPending();
    });
  }

  private commitPending(): Promise<void> {
    const batch = this.pending;
    if (batch.length === 0) return Promise.resolve();
    this.pending = [];
    const run = (async () => {
      try {
        const results = await this.client.batch(
          batch.map((p) => ({ sql: INSERT_UPDATE, args: [p.docName, p.data, p.userId, p.at] })),
          'write',
        );
        for (const [i, p] of batch.entries()) p.resolve(Number(results[i]?.lastInsertRowid ?? 0));
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
    while (this.inFlight || this.pending.length) {
      if (this.inFlight) await this.inFlight;
      else await this.commitPending();
    }
  }

  async compact(docName: string, state: Uint8Array, coveredIds: number[]): Promise<void> {
    const now = this.clock().getTime();
    const startOfDay = now - (now % DAY_MS);
    const covered = JSON.stringify(coveredIds);
    await this.client.batch(
      [
        {
          sql: 'INSERT INTO doc_snapshots (doc_name, data, absorbed, log_kept, created_at) VALUES (?, ?, ?, 1, ?)',
          args: [docName, state, coveredIds.length, now],
        },
        // Only the rows this snapshot contains move to history (a row another writer appended
        // meanwhile stays pending), with their time and author, tagged with this snapshot.
        {
          sql: `INSERT INTO doc_history (id, doc_name, data, user_id, created_at, snapshot_id)
                SELECT id, doc_name, data, user_id, created_at,
                       (SELECT max(id) FROM doc_snapshots WHERE doc_name = ?)
                FROM doc_updates WHERE doc_name = ? AND id IN (SELECT value FROM json_each(?))`,
          args: [docName, docName, covered],
        },
        {
          sql: 'DELETE FROM doc_updates WHERE doc_name = ? AND id IN (SELECT value FROM json_each(?))',
          args: [docName, covered],
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
      ],
      'write',
    );
  }
}
