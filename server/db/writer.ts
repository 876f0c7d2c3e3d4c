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
import type { InArgs } from '@libsql/client';
import { desc } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { type AuditEntry, chainHash, GENESIS_HASH } from '../audit/audit-chain.ts';
import type { Db } from './client.ts';
import { auditEvents } from './schema/index.ts';

export type Statement = BatchItem<'sqlite'>;
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
  const [last] = await db
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return last?.hash ?? GENESIS_HASH;
}

/** Commits the statements and the audit entries together, or nothing. */
export function commit(db: Db, statements: Statement[], audit: AuditEntry[] = []): Promise<void> {
  if (audit.length === 0) return runBatch(db, statements);
  return serialised(async () => {
    for (let attempt = 0; ; attempt++) {
      let prev = await headHash(db);
      const inserts: Statement[] = audit.map(normalise).map((entry) => {
        const hash = chainHash(prev, entry);
        const row = { ...entry, prevHash: prev, hash };
        prev = hash;
        return db.insert(auditEvents).values(row);
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

/**
 * One write transaction begun with BEGIN IMMEDIATE: it takes the write lock first, so another
 * node holding it makes this one wait (busy_timeout) rather than fail, which a transaction that
 * read first and then tried to write (drizzle's batch is deferred) would do with SQLITE_BUSY.
 */
async function runBatch(db: Db, statements: Statement[]): Promise<void> {
  if (statements.length === 0) return;
  await db.$client.batch(
    statements.map((s) => {
      const { sql, params } = (s as unknown as PreparableQuery)._prepare().getQuery();
      return { sql, args: params as InArgs };
    }),
    'write',
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
