/**
 * An audited database of its own for the audit tests: a migrated libSQL file whose audited
 * commits sign with a fresh key, and copies of it to tamper with (triggers dropped).
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type Client, createClient } from '@libsql/client';
import type { AuditEntry } from '../../server/audit/audit-chain.ts';
import { commitAudited } from '../../server/audit/audited-commit.ts';
import { anchorAuditTrail } from '../../server/audit/checkpoints.ts';
import { type AuditSigningKey, loadSigningKey } from '../../server/audit/signing-key.ts';
import { verifyAuditChain } from '../../server/audit/verify-chain.ts';
import { type Database, openDatabase } from '../../server/db/client.ts';
import { applyMigrations } from '../../server/db/migrate.ts';
import { createLogger } from '../../server/log.ts';

export interface AuditedDatabase extends Database {
  path: string;
  key: AuditSigningKey;
  verify(): ReturnType<typeof verifyAuditChain>;
}

export async function openAuditedDatabase(
  path: string,
  options: { seed?: Buffer; exportFile?: string } = {},
): Promise<AuditedDatabase> {
  const database = await openDatabase(`file:${path}`);
  await applyMigrations(database.db);
  await database.writable;
  const key = loadSigningKey(options.seed ?? randomBytes(32));
  anchorAuditTrail(
    database.db,
    key,
    { file: options.exportFile ?? null, webhook: null },
    createLogger('silent'),
  );
  return {
    ...database,
    path,
    key,
    verify: () => verifyAuditChain(database.client, { keys: [key.publicKey] }),
  };
}

export function entry(n: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: new Date(Date.UTC(2026, 0, 1, 9, 0, n)),
    actorId: `user-${n % 3}`,
    actorOrganisationId: 'org-1',
    projectId: 'project-1',
    entity: 'milestone',
    entityId: `milestone-${n}`,
    action: 'update',
    field: 'title',
    before: { title: `Step ${n}` },
    after: { title: `Step ${n} (revised)`, tags: ['a', n] },
    reason: null,
    ...overrides,
  };
}

/** `batches` audited commits of `perBatch` entries each (each batch signs a checkpoint). */
export async function buildChain(database: AuditedDatabase, batches: number, perBatch: number) {
  let n = 0;
  for (let b = 0; b < batches; b++)
    await commitAudited(
      database.db,
      [],
      Array.from({ length: perBatch }, () => entry(++n)),
    );
  return n;
}

/**
 * A consistent copy of the database file (VACUUM INTO), opened with its append-only triggers
 * dropped: what someone holding the file could do to it.
 */
export async function tamperableCopy(
  database: AuditedDatabase,
  name: string,
): Promise<{ path: string; sql: Client }> {
  const path = join(database.path, '..', `${name}.db`);
  await database.client.execute({ sql: 'VACUUM INTO ?', args: [path] });
  const sql = createClient({ url: `file:${path}` });
  for (const trigger of [
    'audit_events_no_update',
    'audit_events_no_delete',
    'audit_events_chain_head',
    'audit_checkpoints_no_update',
    'audit_checkpoints_no_delete',
  ])
    await sql.execute(`DROP TRIGGER IF EXISTS ${trigger}`);
  return { path, sql };
}
