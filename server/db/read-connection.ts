/**
 * The document store's reads (a document's log when it loads, the rows and ids other nodes
 * wrote), as arrays straight from the driver.
 *
 * `@libsql/client` turns every row into an object with a property per column, and copies every
 * blob into an ArrayBuffer of its own. For a log of 10,000 updates that was about a third of
 * the server's share of a cold load, most of it in work for the garbage collector. So on an
 * embedded file the document store reads through a `libsql` connection of its own, with its
 * statements prepared once and in raw mode (each row an array, each blob the driver's Buffer).
 * On a libSQL server, or an in-memory database, it reads through the client.
 *
 * Like the client's embedded driver, these reads run on the event loop; they are not slower
 * for it, only cheaper.
 */
import type { Client } from '@libsql/client';
import Database from 'libsql';
import { type SqlStatement, statementCache, toSql } from './write-connection.ts';

export interface ReadConnection {
  /** runs the queries in one read transaction (one view of the database); each query's rows, as arrays */
  read(queries: readonly SqlStatement[]): Promise<unknown[][][]>;
  close(): void;
}

export function openReadConnection(path: string, busyTimeoutMs: number): ReadConnection {
  const db = new Database(path, { timeout: busyTimeoutMs });
  const statements = statementCache(db, (statement) => {
    if (statement.reader) statement.raw(true);
  });
  const begin = statements.prepare('BEGIN').statement;
  const commit = statements.prepare('COMMIT').statement;
  return {
    async read(queries) {
      begin.run();
      try {
        const results = queries.map((q) => {
          const { statement, reader } = statements.prepare(q.sql);
          if (!reader) throw new Error('A read connection runs queries only');
          return statement.all(q.args.map(toSql)) as unknown[][];
        });
        commit.run();
        return results;
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
    },
    close() {
      statements.clear();
      db.close();
    },
  };
}

/** The same reads through `@libsql/client` (a libSQL server, or an in-memory database). */
export function clientReadConnection(client: Client): ReadConnection {
  return {
    async read(queries) {
      const results = await client.batch(
        queries.map((q) => ({ sql: q.sql, args: [...q.args] })),
        'read',
      );
      return results.map((r) => r.rows.map((row) => Array.from(row)));
    },
    close() {},
  };
}
