/**
 * Signed checkpoints of the audit chain's head (docs/audit.md, "Checkpoints"). Every audited
 * commit writes one of kind `commit` in its own batch (server/audit/audited-commit.ts); this
 * module holds the key each database signs with, writes the other kinds (`gate` through a
 * change set, `periodic` on a timer, `adopted` once for a chain that had none), and exports
 * those beyond the database: a file of JSON lines and/or a webhook, never delaying a commit.
 */
import { appendFile } from 'node:fs/promises';
import type { Db } from '../db/client.ts';
import type { SqlStatement } from '../db/write-connection.ts';
import { commit } from '../db/writer.ts';
import type { Logger } from '../log.ts';
import type { AuditSigningKey, CheckpointClaim, SignedCheckpoint } from './signing-key.ts';

export type CheckpointKind = SignedCheckpoint['kind'];

export interface CheckpointExport {
  file: string | null;
  webhook: string | null;
}

export interface AuditAnchor {
  key: AuditSigningKey;
  /** sends a gate, periodic or adopted checkpoint beyond the database (after its commit) */
  publish(checkpoint: SignedCheckpoint): void;
}

const WEBHOOK_TIMEOUT_MS = 5000;
const anchors = new WeakMap<Db, AuditAnchor>();

/**
 * The key `db`'s audited commits sign with, and where their exported checkpoints go. Set once
 * when the server opens the database, before anything is audited.
 */
export function anchorAuditTrail(db: Db, key: AuditSigningKey, exportTo: CheckpointExport, log: Logger) {
  const anchor: AuditAnchor = {
    key,
    publish: (checkpoint) => {
      const line = JSON.stringify(checkpoint);
      if (exportTo.file)
        appendFile(exportTo.file, `${line}\n`, { mode: 0o600 }).catch((err: Error) =>
          log.error(
            { err, file: exportTo.file, seq: checkpoint.seq },
            'could not export an audit checkpoint to its file',
          ),
        );
      if (exportTo.webhook)
        fetch(exportTo.webhook, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: line,
          signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
        }).then(
          (reply) => {
            if (!reply.ok)
              log.error(
                { status: reply.status, seq: checkpoint.seq },
                'the audit checkpoint webhook refused a checkpoint',
              );
          },
          (err: Error) =>
            log.error({ err, seq: checkpoint.seq }, 'could not post an audit checkpoint to its webhook'),
        );
    },
  };
  anchors.set(db, anchor);
  return anchor;
}

export function auditAnchorOf(db: Db): AuditAnchor {
  const anchor = anchors.get(db);
  if (!anchor) throw new Error('No audit signing key for this database: call anchorAuditTrail first');
  return anchor;
}

export function signCheckpoint(
  key: AuditSigningKey,
  claim: CheckpointClaim,
  kind: CheckpointKind,
): SignedCheckpoint {
  return { ...claim, kind, keyId: key.publicKey.keyId, signature: key.sign(claim) };
}

export function checkpointInsert(c: SignedCheckpoint): SqlStatement {
  return {
    sql: 'INSERT INTO audit_checkpoints (seq, hash, at, kind, key_id, signature) VALUES (?, ?, ?, ?, ?, ?)',
    args: [c.seq, c.hash, c.at, c.kind, c.keyId, c.signature],
  };
}

export async function chainHead(db: Db): Promise<{ seq: number; hash: string } | null> {
  const row = (await db.$client.execute('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1'))
    .rows[0];
  return row ? { seq: Number(row.seq), hash: String(row.hash) } : null;
}

/**
 * Signs the head as `kind` if it moved since the last exported checkpoint (or, for `adopted`,
 * if the chain has entries and no checkpoint at all), stores and exports it. The checkpoint
 * row claims the head it read; if another node appended meanwhile, this one is simply older.
 */
export async function checkpointHead(db: Db, kind: 'periodic' | 'adopted', at: number) {
  const anchor = auditAnchorOf(db);
  const head = await chainHead(db);
  if (!head) return null;
  const previous =
    kind === 'adopted'
      ? 'SELECT seq FROM audit_checkpoints LIMIT 1'
      : "SELECT seq FROM audit_checkpoints WHERE kind IN ('gate', 'periodic', 'adopted') ORDER BY id DESC LIMIT 1";
  const last = (await db.$client.execute(previous)).rows[0];
  if (last && (kind === 'adopted' || Number(last.seq) === head.seq)) return null;
  const checkpoint = signCheckpoint(anchor.key, { ...head, at }, kind);
  await commit(db, [checkpointInsert(checkpoint)]);
  anchor.publish(checkpoint);
  return checkpoint;
}

/** The periodic checkpoints: every `everyMs`, the head if it moved. */
export function startPeriodicCheckpoints(db: Db, everyMs: number, clock: () => Date, log: Logger) {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = checkpointHead(db, 'periodic', clock().getTime()).catch((err: Error) =>
      log.error({ err }, 'could not write the periodic audit checkpoint'),
    );
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
