/**
 * Gate committees: who decides a gate review (cluster managers and named members of the
 * cluster), how many recommendations make a quorum, by when, and who signs. A person's declared
 * conflicts of interest, per organisation, exclude them from the committees of the projects of
 * that organisation. Signatures of a decision that every member signs are kept one per member
 * until the last one makes the decision (gate_decisions).
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { user } from './auth.ts';
import { gateReviews } from './gates.ts';
import { organisations } from './organisations.ts';

export const gateCommittees = sqliteTable('gate_committees', {
  reviewId: text('review_id')
    .primaryKey()
    .references(() => gateReviews.id),
  chairId: text('chair_id')
    .notNull()
    .references(() => user.id),
  /** recommendations from members not excluded needed before the decision can be recorded */
  quorum: integer('quorum').notNull(),
  /** after it, members no longer recommend or sign */
  deadline: integer('deadline', { mode: 'timestamp_ms' }).notNull(),
  setBy: text('set_by').notNull(),
  setAt: integer('set_at', { mode: 'timestamp_ms' }).notNull(),
});

export const gateCommitteeMembers = sqliteTable(
  'gate_committee_members',
  {
    reviewId: text('review_id')
      .notNull()
      .references(() => gateReviews.id),
    userId: text('user_id')
      .notNull()
      .references(() => user.id),
    /** manager | external */
    kind: text('kind').notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] })],
);

/** A declaration a person makes: they have an interest in this organisation's affairs. */
export const conflictDeclarations = sqliteTable(
  'conflict_declarations',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    statement: text('statement').notNull(),
    declaredAt: integer('declared_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('conflict_declarations_person_org_idx').on(t.userId, t.organisationId),
    index('conflict_declarations_org_idx').on(t.organisationId),
  ],
);

/**
 * A decision that every member signs, between the first signature and the last: it has no
 * effect yet. The first signer states it; the others sign it as it stands.
 */
export const gatePendingDecisions = sqliteTable('gate_pending_decisions', {
  reviewId: text('review_id')
    .primaryKey()
    .references(() => gateReviews.id),
  outcome: text('outcome').notNull(),
  rationale: text('rationale').notNull(),
  conditions: text('conditions', { mode: 'json' }).$type<{ title: string; due: string | null }[]>().notNull(),
  reviewDate: text('review_date'),
  deficiencies: text('deficiencies', { mode: 'json' }).$type<{ title: string; due: string | null }[]>(),
  proposedBy: text('proposed_by').notNull(),
  proposedAt: integer('proposed_at', { mode: 'timestamp_ms' }).notNull(),
});

export const gateSignatures = sqliteTable(
  'gate_signatures',
  {
    reviewId: text('review_id')
      .notNull()
      .references(() => gateReviews.id),
    userId: text('user_id')
      .notNull()
      .references(() => user.id),
    signerName: text('signer_name').notNull(),
    signedAt: integer('signed_at', { mode: 'timestamp_ms' }).notNull(),
    signedWith: text('signed_with').notNull(),
    authenticatedAt: integer('authenticated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] })],
);
