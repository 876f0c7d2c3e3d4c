/**
 * Write transactions with statements prepared once, off the event loop.
 *
 * `@libsql/client` prepares every statement again on every call, and finds out whether it
 * returns rows by catching an exception. On the hot paths (the live documents' log, their
 * projection, the audit chain) that cost more than the writes themselves. And its embedded
 * driver is synchronous: a commit's fsync (`synchronous=FULL`) held the whole event loop, so
 * every relay and ack arriving meanwhile waited for it.
 *
 * So on an embedded file, Jalon writes through one connection of its own, on a thread of its
 * own (write-worker.ts), which keeps its prepared statements; the event loop goes on relaying
 * while a commit waits for the disk. On a libSQL server (or an in-memory database, which a
 * second connection cannot share), it writes through the client.
 *
 * Either way a batch is one transaction begun with BEGIN IMMEDIATE: it takes the write lock
 * first, so another node holding it makes this one wait (busy_timeout) rather than fail.
 * Batches run one at a time, in the order they were sent, and a batch resolves once committed.
 */
import { Worker } from 'node:worker_threads';
import { type Client, type InValue, LibsqlBatchError } from '@libsql/client';
import Database from 'libsql';
import { compiled, fromRoot } from '../runtime-files.ts';

export interface SqlStatement {
  sql: string;
  args: readonly InValue[];
}

export interface WriteResult {
  rowsAffected: number;
  lastInsertRowid: number;
}

/** A batch that failed and was rolled back, with the index of the statement that failed. */
export class BatchError extends Error {
  constructor(
    message: string,
    readonly statementIndex: number | null,
  ) {
    super(message);
    this.name = 'BatchError';
  }
}

export interface WriteConnection {
  /** runs the statements in one transaction, all or nothing (else rejects with a BatchError) */
  batch(statements: readonly SqlStatement[]): Promise<WriteResult[]>;
  /** why no batch can run now (the write thread stopped), or null (readiness reports it) */
  problem(): string | null;
  close(): void;
}

/** distinct SQL texts kept prepared (drizzle's IN lists make some texts vary with their input) */
const MAX_PREPARED = 256;

/**
 * The statements of one connection, prepared once and kept (the most recently used
 * MAX_PREPARED); `setup` runs once on each newly prepared statement.
 */
export function statementCache(
  db: Database.Database,
  setup: (statement: Database.Statement) => void = () => {},
): { prepare(sql: string): { statement: Database.Statement; reader: boolean }; clear(): void } {
  const prepared = new Map<string, { statement: Database.Statement; reader: boolean }>();
  return {
    prepare(sql) {
      let entry = prepared.get(sql);
      if (entry) {
        // most recently used last: the first key is the one to evict
        prepared.delete(sql);
      } else {
        const statement = db.prepare(sql);
        setup(statement);
        entry = { statement, reader: statement.reader };
        if (prepared.size >= MAX_PREPARED) prepared.delete(prepared.keys().next().value!);
      }
      prepared.set(sql, entry);
      return entry;
    },
    clear: () => prepared.clear(),
  };
}

/** A connection to an embedded file, with `synchronous=FULL` checked like the client's. */
export function openWriteConnection(path: string, busyTimeoutMs: number): WriteConnection {
  const db = new Database(path, { timeout: busyTimeoutMs });
  db.exec('PRAGMA synchronous=FULL');
  const level = db.prepare('PRAGMA synchronous').raw(true).get() as unknown[] | undefined;
  if (Number(level?.[0]) !== 2) throw new Error('The write connection is not synchronous=FULL');
  const statements = statementCache(db);
  const prepare = statements.prepare;
  const begin = prepare('BEGIN IMMEDIATE').statement;
  const commit = prepare('COMMIT').statement;
  return {
    async batch(statements) {
      begin.run();
      let index = -1;
      try {
        const results: WriteResult[] = [];
        for (const s of statements) {
          index++;
          const { statement, reader } = prepare(s.sql);
          const args = s.args.map(toSql);
          if (reader) {
            statement.all(args);
            results.push({ rowsAffected: 0, lastInsertRowid: 0 });
          } else {
            const info = statement.run(args);
            results.push({ rowsAffected: info.changes, lastInsertRowid: Number(info.lastInsertRowid) });
          }
        }
        index = -1;
        commit.run();
        return results;
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw new BatchError(err instanceof Error ? err.message : String(err), index < 0 ? null : index);
      }
    },
    problem: () => (db.open ? null : 'The write connection is closed'),
    close() {
      statements.clear();
      db.close();
    },
  };
}

/**
 * The write connection on a thread of its own: the commit's fsync no longer holds up relays
 * and acks on the event loop. Batches run in the order they are sent. It returns at once: the
 * thread starts (the driver loads in it, and tsx when the server runs as TypeScript) while the
 * caller goes on, batches sent meanwhile wait in its queue, and `ready` settles once it has
 * opened its connection.
 */
export function openWriteThread(
  path: string,
  busyTimeoutMs: number,
): WriteConnection & { ready: Promise<void> } {
  const workerData = { path, busyTimeoutMs };
  const worker = compiled
    ? new Worker(fromRoot('dist/server/write-worker.js'), { workerData })
    : new Worker(throughTsx(new URL('./write-worker.ts', import.meta.url).href), { eval: true, workerData });
  const waiting = new Map<number, { resolve: (r: WriteResult[]) => void; reject: (e: Error) => void }>();
  let next = 0;
  let failure: Error | null = null;
  let started: { resolve: () => void; reject: (e: Error) => void } | null = null;
  const ready = new Promise<void>((resolve, reject) => {
    started = { resolve, reject };
  });
  ready.catch(() => {}); // reported by `problem()` and to every batch, whether awaited or not
  const fail = (err: Error) => {
    failure ??= err;
    started?.reject(err);
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on('error', (err) => fail(err));
  worker.on('exit', () => fail(new Error('The database write thread stopped')));
  type Reply = {
    ready?: true;
    id: number;
    results?: WriteResult[];
    error?: string;
    statementIndex?: number | null;
  };
  worker.on('message', (m: Reply) => {
    if (m.ready) {
      started?.resolve();
      started = null;
      if (waiting.size === 0) worker.unref();
      return;
    }
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (waiting.size === 0) worker.unref();
    if (m.error !== undefined) w.reject(new BatchError(m.error, m.statementIndex ?? null));
    else w.resolve(m.results ?? []);
  });
  return {
    ready,
    batch(statements) {
      if (failure) return Promise.reject(failure);
      const id = ++next;
      return new Promise((resolve, reject) => {
        // The thread keeps the process alive only while it starts or a batch waits for it.
        worker.ref();
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, statements: statements.map(exactBytes) });
      });
    },
    problem: () => failure?.message ?? null,
    close() {
      worker.postMessage('close');
    },
  };
}

/** The same batch through `@libsql/client` (a libSQL server, or an in-memory database). */
export function clientWriteConnection(client: Client): WriteConnection {
  return {
    async batch(statements) {
      const results = await client
        .batch(
          statements.map((s) => ({ sql: s.sql, args: [...s.args] })),
          'write',
        )
        .catch((err: unknown) => {
          const index = err instanceof LibsqlBatchError ? err.statementIndex : null;
          throw new BatchError(err instanceof Error ? err.message : String(err), index);
        });
      return results.map((r) => ({
        rowsAffected: r.rowsAffected,
        lastInsertRowid: Number(r.lastInsertRowid ?? 0),
      }));
    },
    problem: () => null,
    close() {},
  };
}

/**
 * The statement with each binary value in a buffer of its own size: posting a view clones its
 * whole buffer, and an update read from a socket is a small view into a large one.
 */
function exactBytes(statement: SqlStatement): SqlStatement {
  if (!statement.args.some((a) => ArrayBuffer.isView(a) && a.byteLength !== a.buffer.byteLength))
    return statement;
  const args = statement.args.map((a) =>
    ArrayBuffer.isView(a) && a.byteLength !== a.buffer.byteLength ? new Uint8Array(a) : a,
  );
  return { sql: statement.sql, args };
}

/** A value as the driver takes it, converted as `@libsql/client` converts it. */
export function toSql(value: InValue): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('Only finite numbers can be written to the database');
    return value;
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.valueOf();
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value === undefined) throw new TypeError('undefined cannot be written to the database');
  return value;
}

/** Run as TypeScript, the thread loads its script as the server does: through tsx, registered in it. */
function throughTsx(script: string): string {
  return `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(script)}); })`;
}
