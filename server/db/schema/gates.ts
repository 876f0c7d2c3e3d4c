/**
 * Stage gates: a review requested by the lead freezes a gate pack; reviewers score and
 * recommend; a cluster manager signs the decision. Packs and decisions are immutable (triggers
 * refuse UPDATE and DELETE, see drizzle/0006_gates_immutable.sql).
 */
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { user } from './auth.ts';
import { projects } from './projects.ts';

export const gateReviews = sqliteTable(
  'gate_reviews',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    frameworkId: text('framework_id').notNull(),
    /** the gate that ends this stage */
    stageIndex: integer('stage_index').notNull(),
    /** open | decided */
    status: text('status').notNull(),
    requestedBy: text('requested_by')
      .notNull()
      .references(() => user.id),
    requestedAt: integer('requested_at', { mode: 'timestamp_ms' }).notNull(),
    /** why the lead requested it while milestones of the previous decision were still open */
    openConditionsExplanation: text('open_conditions_explanation'),
  },
  (t) => [index('gate_reviews_project_idx').on(t.projectId, t.requestedAt)],
);

/** The project document as it stood when the review was requested. Never changes. */
export const gatePacks = sqliteTable('gate_packs', {
  reviewId: text('review_id')
    .primaryKey()
    .references(() => gateReviews.id),
  /** Y.encodeStateAsUpdate of the document */
  state: blob('state', { mode: 'buffer' }).notNull(),
  /** readProjectDoc of it, for reading without Yjs */
  data: text('data', { mode: 'json' }).notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

export const gateReviewers = sqliteTable(
  'gate_reviewers',
  {
    reviewId: text('review_id')
      .notNull()
      .references(() => gateReviews.id),
    userId: text('user_id')
      .notNull()
      .references(() => user.id),
    invitedBy: text('invited_by'),
    invitedAt: integer('invited_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] })],
);

export const gateRecommendations = sqliteTable(
  'gate_recommendations',
  {
    id: text('id').primaryKey(),
    reviewId: text('review_id')
      .notNull()
      .references(() => gateReviews.id),
    reviewerId: text('reviewer_id')
      .notNull()
      .references(() => user.id),
    /** criterion id → score 1–5, for the should-meet criteria */
    scores: text('scores', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    recommendation: text('recommendation').notNull(),
    rationale: text('rationale').notNull(),
    /** a reviewer from a partner organisation of the project declares it here */
    conflictOfInterest: text('conflict_of_interest'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('gate_recommendations_reviewer_idx').on(t.reviewId, t.reviewerId)],
);

export const gateDecisions = sqliteTable('gate_decisions', {
  id: text('id').primaryKey(),
  reviewId: text('review_id')
    .notNull()
    .unique()
    .references(() => gateReviews.id),
  projectId: text('project_id').notNull(),
  /** go | conditional_go | hold | recycle | kill */
  outcome: text('outcome').notNull(),
  rationale: text('rationale').notNull(),
  conditions: text('conditions', { mode: 'json' }).$type<{ title: string; due: string | null }[]>().notNull(),
  signerId: text('signer_id').notNull(),
  signerName: text('signer_name').notNull(),
  signedAt: integer('signed_at', { mode: 'timestamp_ms' }).notNull(),
  /**
   * how the signer proved who they were when signing (21 CFR 11.200): 'password',
   * 'password+totp', 'oidc' or 'saml' (a fresh sign-in at their identity provider); null on
   * decisions signed before this was recorded, which were all by password
   */
  signedWith: text('signed_with'),
  /** when that proof was given (the password check, or the identity provider's auth_time) */
  authenticatedAt: integer('authenticated_at', { mode: 'timestamp_ms' }),
  /** what the signature means, as shown to the signer */
  meaning: text('meaning').notNull(),
  stageBefore: integer('stage_before').notNull(),
  stageAfter: integer('stage_after').notNull(),
  /** Hold: when the committee looks at the parked project again (YYYY-MM-DD) */
  reviewDate: text('review_date'),
  /** Recycle: the deficiencies to rework within the stage; each became a milestone */
  deficiencies: text('deficiencies', { mode: 'json' }).$type<{ title: string; due: string | null }[]>(),
  /** 'chair' | 'all': who had to sign, under the framework the review was decided under */
  signedBy: text('signed_by'),
});
