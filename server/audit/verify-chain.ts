/**
 * Verifies the audit trail: walks every entry and every checkpoint (server/audit/chain-walk.ts)
 * and reports every break, never throwing on what it reads. Rows are read as stored, not through
 * drizzle's JSON mode: a JSON column that no longer parses is a finding, not a crash. Text
 * columns are read as bytes and decoded here, since the driver cuts a text value at a NUL.
 */
import type { Client, Row } from '@libsql/client';
import type { ChainReport } from '../../shared/schemas/audit.ts';
import { ChainWalk, type StoredCheckpoint, type StoredEntry } from './chain-walk.ts';
import type { AuditPublicKey } from './signing-key.ts';

const PAGE = 1000;
const utf8 = new TextDecoder();

export interface VerifyOptions {
  /** the public keys whose checkpoints count */
  keys: readonly AuditPublicKey[];
  /** checkpoints kept elsewhere (an exported file), checked beside the table's */
  external?: readonly StoredCheckpoint[];
}

const text = (v: unknown): string | null =>
  v === null || v === undefined ? null : v instanceof ArrayBuffer ? utf8.decode(v) : String(v);
const blob = (column: string) => `CAST(${column} AS BLOB) AS ${column}`;

const ENTRIES = `SELECT seq, at, ${[
  'actor_id',
  'actor_organisation_id',
  'project_id',
  'entity',
  'entity_id',
  'action',
  'field',
  'before',
  'after',
  'reason',
  'prev_hash',
  'hash',
]
  .map(blob)
  .join(', ')}
  FROM audit_events WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ${PAGE}`;

const CHECKPOINTS = `SELECT seq, hash, at, kind, key_id, signature FROM audit_checkpoints
  WHERE id <= ? AND seq > ? AND seq <= ? ORDER BY seq, id`;

function storedEntry(r: Row): StoredEntry {
  return {
    seq: Number(r.seq),
    at: Number(r.at),
    actorId: text(r.actor_id),
    actorOrganisationId: text(r.actor_organisation_id),
    projectId: text(r.project_id),
    entity: text(r.entity) ?? '',
    entityId: text(r.entity_id) ?? '',
    action: text(r.action) ?? '',
    field: text(r.field),
    before: text(r.before),
    after: text(r.after),
    reason: text(r.reason),
    prevHash: text(r.prev_hash) ?? '',
    hash: text(r.hash) ?? '',
  };
}

function storedCheckpoint(r: Row): StoredCheckpoint {
  return {
    seq: Number(r.seq),
    hash: String(r.hash),
    at: Number(r.at),
    kind: String(r.kind),
    keyId: String(r.key_id),
    signature: String(r.signature),
  };
}

/** Reads only, through the client (no write connection needed, so the CLI opens none). */
export async function verifyAuditChain(client: Client, options: VerifyOptions): Promise<ChainReport> {
  // One statement, one snapshot: the entries and checkpoints as of the same commit, so a commit
  // landing during the walk is neither a truncation nor an unanchored tail.
  const bounds = (
    await client.execute(
      'SELECT (SELECT coalesce(max(seq), 0) FROM audit_events) AS seq, (SELECT coalesce(max(id), 0) FROM audit_checkpoints) AS id',
    )
  ).rows[0];
  const lastSeq = Number(bounds?.seq ?? 0);
  const lastCheckpoint = Number(bounds?.id ?? 0);
  const external = [...(options.external ?? [])].sort((a, b) => a.seq - b.seq);
  let nextExternal = 0;
  const checkpointsUpTo = async (after: number, upTo: number) => {
    const stored = (await client.execute({ sql: CHECKPOINTS, args: [lastCheckpoint, after, upTo] })).rows.map(
      storedCheckpoint,
    );
    const from = nextExternal;
    while (nextExternal < external.length && external[nextExternal]!.seq <= upTo) nextExternal++;
    return mergeBySeq(stored, external.slice(from, nextExternal));
  };

  const walk = new ChainWalk(options.keys);
  let after = 0;
  for (;;) {
    const rows = (await client.execute({ sql: ENTRIES, args: [after, lastSeq] })).rows;
    if (rows.length === 0) break;
    for (const row of rows) walk.entry(storedEntry(row));
    const upTo = Number(rows.at(-1)?.seq);
    walk.checkpointsOfPage(await checkpointsUpTo(after, upTo));
    after = upTo;
    if (rows.length < PAGE) break;
  }
  walk.checkpointsBeyondEnd(await checkpointsUpTo(after, Number.MAX_SAFE_INTEGER));
  return walk.report();
}

/** Both lists in seq order, a checkpoint present in both (same signature) once. */
function mergeBySeq(a: StoredCheckpoint[], b: StoredCheckpoint[]): StoredCheckpoint[] {
  if (b.length === 0) return a;
  const seen = new Set(a.map((c) => c.signature));
  return [...a, ...b.filter((c) => !seen.has(c.signature))].sort((x, y) => x.seq - y.seq);
}
