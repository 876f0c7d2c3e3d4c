/**
 * Every write goes through `commit`: one atomic batch (never an interactive transaction: the
 * embedded driver is synchronous, so a transaction held open across awaits would stall any
 * other connection's write in SQLite's busy handler on this very thread).
 *
 * The writer knows rows and statements only; what rides along with them (the audit chain,
 * notifications, events) is assembled above it (server/audit/, server/change-set.ts).
 */
import type { InValue } from '@libsql/client';
import { type Db, writeConnectionOf } from './client.ts';
import type { SqlStatement, WriteResult } from './write-connection.ts';

/**
 * A drizzle query (insert, update, delete, select: each compiles itself with the public
 * `toSQL()`, values mapped to the driver's as the columns declare), or SQL written out (the hot
 * paths, where building it each time costs).
 */
export type Statement = CompiledQuery | SqlStatement;
interface CompiledQuery {
  toSQL(): { sql: string; params: unknown[] };
}

/** The statement as the write connection runs it. */
export function toSqlStatement(statement: Statement): SqlStatement {
  if ('sql' in statement && 'args' in statement) return statement;
  const { sql, params } = statement.toSQL();
  return { sql, args: params as InValue[] };
}

/**
 * A guard, placed right after a guarded write (an UPDATE or DELETE whose WHERE names the state
 * it expects): the batch aborts with `write_guard_failed` if that write changed no row. SQLite's
 * `changes()` counts the rows of the connection's last INSERT, UPDATE or DELETE, and the batch
 * runs on one connection, so it is the guarded write's own count; the view's trigger raises
 * (drizzle/0015_write_guard.sql), since RAISE() works only in a trigger.
 */
export const guardStatement: SqlStatement = {
  sql: 'INSERT INTO write_guard (affected) VALUES (changes())',
  args: [],
};
export const GUARD_FAILED = 'write_guard_failed';

/**
 * Runs the statements as one write transaction begun with BEGIN IMMEDIATE: it takes the write
 * lock first, so another node holding it makes this one wait (busy_timeout) rather than fail,
 * which a transaction that read first and then tried to write (drizzle's batch is deferred)
 * would do with SQLITE_BUSY. All or nothing; a failure names the statement that failed
 * (`BatchError.statementIndex`).
 */
export async function commit(db: Db, statements: readonly Statement[]): Promise<WriteResult[]> {
  if (statements.length === 0) return [];
  return writeConnectionOf(db.$client).batch(statements.map(toSqlStatement));
}
