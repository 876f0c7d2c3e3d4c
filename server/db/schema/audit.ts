/**
 * The audit trail: one row per change, append-only, each row hash-chained to the previous one
 * (hash = sha256(prevHash ‖ canonical entry)). The triggers that refuse UPDATE and DELETE and
 * the verification endpoint come with the gates issue (#5); rows are chained from the start.
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
