/**
 * Audit entries ride in the same batch as the writes they record, chained to the last stored
 * hash. A trigger refuses an entry whose prev_hash is not the chain's head, so if another node
 * appended in between, the whole batch rolls back and we retry with the new head. Within one
 * process, a queue keeps audited batches in order so that retries only happen across nodes.
 */
import type { Db } from '../db/client.ts';
import type { SqlStatement, WriteResult } from '../db/write-connection.ts';
import { commit, type Statement } from '../db/writer.ts';
import { type AuditEntry, chainHash, GENESIS_HASH } from './audit-chain.ts';

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

/**
 * Commits the statements and the audit entries together, or nothing. The results are the
 * statements' own (the audit inserts come after them in the batch).
 */
export function commitAudited(
  db: Db,
  statements: readonly Statement[],
  audit: readonly AuditEntry[],
): Promise<WriteResult[]> {
  if (audit.length === 0) return commit(db, statements);
  return serialised(async () => {
    for (let attempt = 0; ; attempt++) {
      let prev = await headHash(db);
      const inserts = audit.map(normalise).map((entry) => {
        const hash = chainHash(prev, entry);
        const statement = auditInsert(entry, prev, hash);
        prev = hash;
        return statement;
      });
      try {
        const results = await commit(db, [...statements, ...inserts]);
        return results.slice(0, statements.length);
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
 * Values exactly as they will read back from the JSON columns (dates as ISO strings, no
 * undefined keys), so that the hash computed now is the hash a verifier recomputes later.
 */
function normalise(entry: AuditEntry): AuditEntry {
  const json = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));
  return { ...entry, before: json(entry.before), after: json(entry.after) };
}
