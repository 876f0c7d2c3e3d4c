/**
 * Write transactions with statements prepared once.
 *
 * `@libsql/client` prepares every statement again on every call, and finds out whether it
 * returns rows by catching an exception. On the hot paths (the live documents' log, their
 * projection, the audit chain) that cost more than the writes themselves. So on an embedded
 * file, Jalon writes through one connection of its own, which keeps its prepared statements;
 * on a libSQL server (or an in-memory database, which a second connection cannot share), it
 * writes through the client.
 *
 * Either way a batch is one transaction begun with BEGIN IMMEDIATE: it takes the write lock
 * first, so another node holding it makes this one wait (busy_timeout) rather than fail. The
 * embedded driver is synchronous: a batch runs to its end (COMMIT and its fsync included)
 * without yielding, so batches of one process never interleave.
 */
import type { Client, InValue } from '@libsql/client';
import Database from 'libsql';

export interface SqlStatement {
  sql: string;
  args: readonly InValue[];
}

export interface WriteResult {
  rowsAffected: number;
  lastInsertRowid: number;
}

export interface WriteConnection {
  /** runs the statements in one transaction, all or nothing */
  batch(statements: readonly SqlStatement[]): Promise<WriteResult[]>;
  close(): void;
}

/** distinct SQL texts kept prepared (drizzle's IN lists make some texts vary with their input) */
const MAX_PREPARED = 256;

/** A connection to an embedded file, with `synchronous=FULL` checked like the client's. */
export function openWriteConnection(path: string, busyTimeoutMs: number): WriteConnection {
  const db = new Database(path, { timeout: busyTimeoutMs });
  db.exec('PRAGMA synchronous=FULL');
  const level = db.prepare('PRAGMA synchronous').raw(true).get() as unknown[] | undefined;
  if (Number(level?.[0]) !== 2) throw new Error('The write connection is not synchronous=FULL');
  const prepared = new Map<string, { statement: Database.Statement; reader: boolean }>();
  const prepare = (sql: string) => {
    let entry = prepared.get(sql);
    if (entry) {
      // most recently used last: the first key is the one to evict
      prepared.delete(sql);
    } else {
      const statement = db.prepare(sql);
      entry = { statement, reader: statement.reader };
      if (prepared.size >= MAX_PREPARED) prepared.delete(prepared.keys().next().value!);
    }
    prepared.set(sql, entry);
    return entry;
  };
  const begin = prepare('BEGIN IMMEDIATE').statement;
  const commit = prepare('COMMIT').statement;
  return {
    async batch(statements) {
      begin.run();
      try {
        const results: WriteResult[] = [];
        for (const s of statements) {
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
        commit.run();
        return results;
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
    },
    close() {
      prepared.clear();
      db.close();
    },
  };
}

/** The same batch through `@libsql/client` (a libSQL server, or an in-memory database). */
export function clientWriteConnection(client: Client): WriteConnection {
  return {
    async batch(statements) {
      const results = await client.batch(
        statements.map((s) => ({ sql: s.sql, args: [...s.args] })),
        'write',
      );
      return results.map((r) => ({
        rowsAffected: r.rowsAffected,
        lastInsertRowid: Number(r.lastInsertRowid ?? 0),
      }));
    },
    close() {},
  };
}

/** A value as the driver takes it, converted as `@libsql/client` converts it. */
function toSql(value: InValue): unknown {
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
