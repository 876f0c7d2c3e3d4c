/** Stage gates: reviews, recommendations, signed decisions, and the bodies that make them. */
import { z } from 'zod';
import { Stage } from '../domain.ts';
import { signatureMethods } from '../two-factor.ts';
import { Id, IsoDate, Person } from './common.ts';

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

/** A project's gates: its reviews, and the readiness thresholds of the gate ahead, met or not. */
export const ProjectGates = z.object({
  reviews: z.array(GateReview),
  /** the gate ending the project's current stage, against the current scores */
  thresholds: z.array(ThresholdStatus),
});
export type ProjectGates = z.infer<typeof ProjectGates>;
