/**
 * The audit trail: one row per change, append-only (triggers refuse UPDATE and DELETE), each row
 * hash-chained to the previous one (hash = sha256(prevHash ‖ canonical entry), docs/audit.md),
 * and signed checkpoints of the chain's head kept apart from it.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const auditEvents = sqliteTable(
  'audit_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    actorId: text('actor_id'),
    actorOrganisationId: text('actor_organisation_id'),
    projectId: text('project_id'),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    field: text('field'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
    reason: text('reason'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_project_idx').on(t.projectId, t.seq)],
);

/**
 * Signed checkpoints of the audit chain's head: the entry `seq` had `hash` at `at`, signed with
 * the Ed25519 key that lives outside the database (docs/audit.md). Every audited commit writes
 * one in its own batch (`commit`); gate decisions (`gate`) and a periodic timer (`periodic`)
 * write the ones that are also exported beyond the database. Append-only, like the chain.
 */
export const auditCheckpoints = sqliteTable(
  'audit_checkpoints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    seq: integer('seq').notNull(),
    hash: text('hash').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** commit | gate | periodic | adopted */
    kind: text('kind').notNull(),
    /** the first 16 hex digits of sha256 of the raw public key */
    keyId: text('key_id').notNull(),
    /** base64 Ed25519 signature of the checkpoint's signed text */
    signature: text('signature').notNull(),
  },
  (t) => [index('audit_checkpoints_seq_idx').on(t.seq)],
);
