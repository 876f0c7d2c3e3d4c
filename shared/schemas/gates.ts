/** Stage gates: reviews, recommendations, signed decisions, and the bodies that make them. */
import { z } from 'zod';
import { Stage } from '../domain.ts';
import { signatureMethods } from '../two-factor.ts';
import { Id, IsoDate, Person } from './common.ts';
import { DecisionEvidence } from './evidence.ts';

export const GateOutcome = z.enum(['go', 'conditional_go', 'hold', 'recycle', 'kill']);
export type GateOutcome = z.infer<typeof GateOutcome>;

export const GateRecommendation = z.object({
  reviewer: Person,
  scores: z.record(z.string(), z.number().int()),
  recommendation: GateOutcome,
  rationale: z.string(),
  conflictOfInterest: z.string().nullable(),
  createdAt: IsoDate,
});

/** A milestone a decision's condition (or a Recycle's deficiency) became, as it stands now. */
export const ConditionMilestone = z.object({
  id: Id,
  title: z.string(),
  due: z.string().nullable(),
  /** the milestone's status in the live document; null when it was deleted from the plan */
  status: z.enum(['planned', 'in_progress', 'at_risk', 'blocked', 'done']).nullable(),
});
export type ConditionMilestone = z.infer<typeof ConditionMilestone>;

export const GateSigning = z.enum(['chair', 'all']);
export type GateSigning = z.infer<typeof GateSigning>;

export const CommitteeMember = z.object({
  person: Person,
  kind: z.enum(['manager', 'external']),
  chair: z.boolean(),
  /** the organisations of the project this member declared a conflict of interest with: excluded */
  excludedFor: z.array(z.string()),
  signedAt: IsoDate.nullable(),
});
export type CommitteeMember = z.infer<typeof CommitteeMember>;

export const GateCommittee = z.object({
  members: z.array(CommitteeMember),
  quorum: z.number().int(),
  deadline: IsoDate,
  signing: GateSigning,
  /** recommendations from members not excluded, counted against the quorum */
  recommendationsCounted: z.number().int(),
});
export type GateCommittee = z.infer<typeof GateCommittee>;

export const GateDecision = z.object({
  id: Id,
  outcome: GateOutcome,
  rationale: z.string(),
  conditions: z.array(z.object({ title: z.string(), due: z.string().nullable() })),
  signature: z.object({
    signer: Person,
    signedAt: IsoDate,
    meaning: z.string(),
    /** how the signer re-authenticated to sign; null for decisions signed before it was recorded */
    method: z.enum(signatureMethods).nullable(),
    /** when that proof was checked */
    authenticatedAt: IsoDate.nullable(),
  }),
  stageBefore: Stage,
  stageAfter: Stage,
  /** the evidence file versions of the gate's criteria when it was signed */
  evidence: z.array(DecisionEvidence),
  /** Hold: the date the parked project is looked at again */
  reviewDate: z.string().nullable(),
  /** Recycle: the deficiencies to rework within the stage */
  deficiencies: z.array(z.object({ title: z.string(), due: z.string().nullable() })),
  /** the milestones its conditions or deficiencies became, with their state now */
  milestones: z.array(ConditionMilestone),
  /** every member's signature, when the framework has every member sign */
  cosigners: z.array(z.object({ signer: Person, signedAt: IsoDate })),
});
export type GateDecision = z.infer<typeof GateDecision>;

/** A readiness threshold of a gate, against the project's score. */
export const ThresholdStatus = z.object({
  dimension: z.string(),
  required: z.number().int(),
  /** the dimension's level as scored; null when it is not scored yet */
  current: z.number().int().nullable(),
  met: z.boolean(),
});
export type ThresholdStatus = z.infer<typeof ThresholdStatus>;

/** A threshold not met when the review was requested, as the request recorded it. */
export const ThresholdWarning = ThresholdStatus.omit({ met: true });
export type ThresholdWarning = z.infer<typeof ThresholdWarning>;

export const GateReview = z.object({
  id: Id,
  projectId: Id,
  stageIndex: Stage,
  status: z.enum(['open', 'decided']),
  requestedBy: Person,
  requestedAt: IsoDate,
  reviewers: z.array(Person),
  recommendations: z.array(GateRecommendation),
  decision: GateDecision.nullable(),
  /** the committee, when one was set; without one a cluster manager decides alone */
  committee: GateCommittee.nullable(),
  /** a decision every member signs, stated by its first signer, with no effect until the last */
  pendingDecision: z
    .object({
      outcome: GateOutcome,
      rationale: z.string(),
      proposedBy: Person,
      awaiting: z.array(Person),
    })
    .nullable(),
  /** the previous decision's condition milestones, as they stand: what this gate follows up */
  previousConditions: z.array(ConditionMilestone),
  /** why the lead requested the review while some of them were open */
  openConditionsExplanation: z.string().nullable(),
  /** readiness level per dimension as frozen in the gate pack */
  packReadiness: z.record(z.string(), z.number().int()),
  /** the readiness thresholds of this gate that were not met when the review was requested */
  readinessWarnings: z.array(ThresholdWarning),
});
export type GateReview = z.infer<typeof GateReview>;

export const RecommendBody = z
  .object({
    scores: z.record(z.string().max(200), z.number().int().min(1).max(5)),
    recommendation: GateOutcome,
    rationale: z.string().trim().min(1, 'Give your reasons').max(5000),
    conflictOfInterest: z.string().trim().max(2000).optional(),
  })
  .strict();

export const DecideBody = z
  .object({
    outcome: GateOutcome,
    rationale: z.string().trim().min(1, 'A decision needs its rationale').max(5000),
    conditions: z
      .array(
        z
          .object({ title: z.string().trim().min(1).max(300), due: z.iso.date().nullable().default(null) })
          .strict(),
      )
      .max(20)
      .default([]),
    /** Hold: when the parked project is looked at again (required for a Hold) */
    reviewDate: z.iso.date().optional(),
    /** Recycle: what must be reworked within the stage; each becomes a milestone */
    deficiencies: z
      .array(
        z
          .object({ title: z.string().trim().min(1).max(300), due: z.iso.date().nullable().default(null) })
          .strict(),
      )
      .max(20)
      .default([]),
    /** the signer re-enters their password: the signature */
    password: z.string().min(1, 'Enter your password to sign').max(256).optional(),
    /**
     * instead of a password, for someone who signs in through their organisation: the step-up
     * (StepUpStarted.stepUp) after which they signed in again at its identity provider
     */
    stepUp: z.string().min(1).max(64).optional(),
    /**
     * the code of the signer's authenticator app, or one of their backup codes: needed when
     * two-factor authentication is on for them
     */
    code: z.string().trim().min(1).max(32).optional(),
  })
  .strict()
  .refine((b) => b.outcome !== 'conditional_go' || b.conditions.length > 0, {
    message: 'A Conditional Go states its conditions',
    path: ['conditions'],
  })
  .refine((b) => b.outcome !== 'hold' || b.reviewDate !== undefined, {
    message: 'A Hold names the date the project is looked at again',
    path: ['reviewDate'],
  })
  .refine((b) => b.outcome !== 'recycle' || b.deficiencies.length > 0, {
    message: 'A Recycle names the deficiencies to rework (1 to 20)',
    path: ['deficiencies'],
  })
  .refine((b) => (b.password === undefined) !== (b.stepUp === undefined), {
    message: 'Enter your password to sign (or sign in again at your organisation): nothing was signed',
    path: ['password'],
  });

/**
 * A signer who signs in through their organisation starts signing here: the browser goes to
 * `url` (their identity provider, asked to sign them in again) and comes back to the gate
 * with `stepUp` in its address, which the decision then carries instead of a password.
 */
export const StepUpStarted = z.object({ url: z.url(), stepUp: Id, expiresAt: IsoDate });
export type StepUpStarted = z.infer<typeof StepUpStarted>;

export const InviteReviewerBody = z.object({ userId: Id }).strict();

export const RequestGateBody = z
  .object({
    /** why the review is requested while milestones of the previous decision are still open */
    explanation: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();

const MAX_COMMITTEE = 15;
export const CommitteeBody = z
  .object({
    chairId: Id,
    /** the other members: cluster managers or people of the project (a partner's expert) */
    memberIds: z.array(Id).max(MAX_COMMITTEE),
    quorum: z
      .number()
      .int()
      .min(1)
      .max(MAX_COMMITTEE + 1),
    deadline: z.iso.datetime({ offset: true }),
  })
  .strict();

export const ConflictDeclaration = z.object({
  id: Id,
  organisation: z.object({ id: Id, name: z.string() }),
  statement: z.string(),
  declaredAt: IsoDate,
});
export const DeclareConflictBody = z
  .object({
    organisationId: Id,
    statement: z.string().trim().min(1, 'Say what the interest is').max(2000),
  })
  .strict();
/** A project's gates: its reviews, and the readiness thresholds of the gate ahead, met or not. */
export const ProjectGates = z.object({
  reviews: z.array(GateReview),
  /** the gate ending the project's current stage, against the current scores */
  thresholds: z.array(ThresholdStatus),
});
export type ProjectGates = z.infer<typeof ProjectGates>;
