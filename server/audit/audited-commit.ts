/**
 * Audit entries ride in the same batch as the writes they record, chained to the last stored
 * hash, numbered after the last stored `seq`, and followed in that batch by a checkpoint that
 * signs the batch's last entry (server/audit/checkpoints.ts). A trigger refuses an entry whose
 * prev_hash is not the chain's head, and the primary key an entry whose seq is taken, so if
 * another node appended in between, the whole batch rolls back and we retry with the new head.
 * Within one process, a queue keeps audited batches in order so that retries only happen across
 * nodes.
 */
import type { Db } from '../db/client.ts';
import type { SqlStatement, WriteResult } from '../db/write-connection.ts';
import { commit, type Statement } from '../db/writer.ts';
import { type AuditEntry, chainHash, GENESIS_HASH, normaliseEntry } from './audit-chain.ts';
import { auditAnchorOf, chainHead, checkpointInsert, signCheckpoint } from './checkpoints.ts';

const MAX_CHAIN_RETRIES = 8;
let queue: Promise<unknown> = Promise.resolve();

function serialised<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

export interface AuditedCommitOptions {
  /**
   * `gate`: the batch's checkpoint is also exported beyond the database (a decision others
   * rely on); by default it is a `commit` checkpoint, kept in the database only.
   */
  checkpoint?: 'commit' | 'gate';
}

const isChainConflict = (err: unknown) =>
  /audit_chain_conflict|UNIQUE constraint failed: audit_events\.seq/.test(String(err));

/**
 * Commits the statements and the audit entries together, or nothing. The results are the
 * statements' own (the audit inserts come after them in the batch).
 */
export function commitAudited(
  db: Db,
  statements: readonly Statement[],
  audit: readonly AuditEntry[],
  options: AuditedCommitOptions = {},
): Promise<WriteResult[]> {
  if (audit.length === 0) return commit(db, statements);
  const anchor = auditAnchorOf(db);
  const entries = audit.map(normaliseEntry);
  return serialised(async () => {
    for (let attempt = 0; ; attempt++) {
      const head = await chainHead(db);
      let prev = head?.hash ?? GENESIS_HASH;
      let seq = head?.seq ?? 0;
      const inserts = entries.map((entry) => {
        const hash = chainHash(prev, entry);
        const statement = auditInsert(++seq, entry, prev, hash);
        prev = hash;
        return statement;
      });
      const checkpoint = signCheckpoint(
        anchor.key,
        { seq, hash: prev, at: Date.now() },
        options.checkpoint ?? 'commit',
      );
      try {
        const results = await commit(db, [...statements, ...inserts, checkpointInsert(checkpoint)]);
        if (checkpoint.kind !== 'commit') anchor.publish(checkpoint);
        return results.slice(0, statements.length);
      } catch (err) {
        if (attempt < MAX_CHAIN_RETRIES && isChainConflict(err)) continue;
        throw err;
      }
    }
  });
}

const AUDIT_INSERT = `INSERT INTO audit_events
  (seq, at, actor_id, actor_organisation_id, project_id, entity, entity_id, action, field, before, after, reason, prev_hash, hash)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The row of a normalised entry, its values as the schema's columns store them. */
function auditInsert(seq: number, entry: AuditEntry, prevHash: string, hash: string): SqlStatement {
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  return {
    sql: AUDIT_INSERT,
    args: [
      seq,
      entry.at.getTime(),
      entry.actorId,
      entry.actorOrganisationId,
      entry.projectId,
      entry.entity,
      entry.entityId,
      entry.action,
      entry.field,
      json(entry.before),
      json(entry.after),
      entry.reason,
      prevHash,
      hash,
    ],
  };
}
