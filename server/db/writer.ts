/**
 * Every write goes through `commit`: one atomic batch (never an interactive transaction: the
 * embedded driver is synchronous, so a transaction held open across awaits would stall any
 * other connection's write in SQLite's busy handler on this very thread).
 *
 * Audit entries ride in the same batch, chained to the last stored hash. A trigger refuses an
 * entry whose prev_hash is not the chain's head, so if another node appended in between, the
 * whole batch rolls back and we retry with the new head. Within one process, a queue keeps
 * audited batches in order so that retries only happen across nodes.
 */
import type { InValue } from '@libsql/client';
import type { BatchItem } from 'drizzle-orm/batch';
import { type AuditEntry, chainHash, GENESIS_HASH } from '../audit/audit-chain.ts';
import { type Db, writeConnectionOf } from './client.ts';
import type { SqlStatement } from './write-connection.ts';

/** A drizzle query, or SQL written out (the hot paths, where building it each time costs) */
export type Statement = BatchItem<'sqlite'> | SqlStatement;
/** how drizzle's own batch compiles each of its statements to SQL and driver values */
type PreparableQuery = { _prepare(): { getQuery(): { sql: string; params: unknown[] } } };

const MAX_CHAIN_RETRIES = 8;
let queue: Promise<unknown> = Promise.resolve();

function serialised<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

export async function headHash(db: Db): Promise<string> {
  const last = await db.$client.execute('SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1');
  const hash = last.rows[0]?.hash;
  return typeof hash === 'string' ? hash : GENESIS_HASH;
}

/** Commits the statements and the audit entries together, or nothing. */
export function commit(db: Db, statements: Statement[], audit: AuditEntry[] = []): Promise<void> {
  if (audit.length === 0) return runBatch(db, statements);
  return serialised(async () => {
    for (let attempt = 0; ; attempt++) {
      let prev = await headHash(db);
      const inserts: Statement[] = audit.map(normalise).map((entry) => {
        const hash = chainHash(prev, entry);
        const statement = auditInsert(entry, prev, hash);
        prev = hash;
        return statement;
      });
      try {
        return await runBatch(db, [...statements, ...inserts]);
      } catch (err) {
        if (attempt < MAX_CHAIN_RETRIES && String(err).includes('audit_chain_conflict')) continue;
        throw err;
      }
    }
  });
}

const AUDIT_INSERT = `INSERT INTO audit_events
  (at, actor_id, actor_organisation_id, project_id, entity, entity_id, action, field, before, after, reason, prev_hash, hash)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The row of a normalised entry, its values as the schema's columns store them. */
function auditInsert(entry: AuditEntry, prevHash: string, hash: string): SqlStatement {
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  return {
    sql: AUDIT_INSERT,
    args: [
      entry.at.getTime(),
      entry.actorId ?? null,
      entry.actorOrganisationId ?? null,
      entry.projectId ?? null,
      entry.entity,
      entry.entityId,
      entry.action,
      entry.field ?? null,
      json(entry.before),
      json(entry.after),
      entry.reason ?? null,
      prevHash,
      hash,
    ],
  };
}

/**
 * One write transaction begun with BEGIN IMMEDIATE: it takes the write lock first, so another
 * node holding it makes this one wait (busy_timeout) rather than fail, which a transaction that
 * read first and then tried to write (drizzle's batch is deferred) would do with SQLITE_BUSY.
 */
async function runBatch(db: Db, statements: Statement[]): Promise<void> {
  if (statements.length === 0) return;
  await writeConnectionOf(db.$client).batch(
    statements.map((s) => {
      if ('sql' in s && 'args' in s) return s;
      const { sql, params } = (s as unknown as PreparableQuery)._prepare().getQuery();
      return { sql, args: params as InValue[] };
    }),
  );
}

/**
 * Values exactly as they will read back from the JSON columns (dates as ISO strings, no
 * undefined keys), so that the hash computed now is the hash a verifier recomputes later.
 */
function normalise(entry: AuditEntry): AuditEntry {
  const json = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));
  return { ...entry, before: json(entry.before), after: json(entry.after) };
}
