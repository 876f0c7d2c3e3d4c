import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Effects a committed change still owes the live documents (an outbox): written in the same
 * batch as the change (a gate decision's conditions as milestones, a service request's tracking
 * milestone), applied right after it, and completed at start if the process died in between.
 * Applying one is idempotent, so an effect applied but not yet marked done is harmless.
 */
export const pendingEffects = sqliteTable(
  'pending_effects',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id').notNull(),
    /** what to apply: a kind the effects module knows (server/effects) */
    kind: text('kind').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    actorId: text('actor_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    /** null until applied */
    doneAt: integer('done_at', { mode: 'timestamp_ms' }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [index('pending_effects_open_idx').on(t.doneAt, t.createdAt)],
);
