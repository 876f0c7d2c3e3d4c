/**
 * A cluster manager records and signs a gate decision. Signing re-authenticates (the password,
 * and the authenticator's code when two-factor authentication is on: signer-proof.ts); the
 * stored signature names the signer, the time, its meaning, and how the signer proved it. Go and Conditional Go move the
 * project to the next stage, Kill archives it; each condition of a Conditional Go becomes a
 * milestone owned by the lead. The decision is never edited afterwards (triggers).
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { DecideBody, GateReview } from '../../shared/schemas/gates.ts';
import { type ProjectAccess, requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import type { SecondFactorCheck } from '../auth/second-factor.ts';
import { ChangeSet } from '../change-set.ts';
import {
  gateDecisions,
  gatePendingDecisions,
  gateReviews,
  gateSignatures,
  projects,
} from '../db/schema/index.ts';
import type { Statement } from '../db/writer.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { recordDecisionEvidence } from '../evidence/decision-evidence.ts';
import { gateDecidedNotifications } from '../notifications/sources.ts';
import { type CommitteeState, committeeRefusal, quorumShortfall, stillToSign } from './committee.rules.ts';
import { loadCommittee } from './committee-state.ts';
import { conditionsEffect } from './condition-milestones.ts';
import { loadGateReviews } from './gate-view.ts';
import { effectOf, SIGNATURE_MEANING } from './gates.rules.ts';
import { openReview } from './review-gate.ts';
import { proveSigner, type SignerProof } from './signer-proof.ts';

type DecisionInput = Pick<
  z.output<typeof DecideBody>,
  'outcome' | 'rationale' | 'conditions' | 'reviewDate' | 'deficiencies'
>;

type ProjectRow = ProjectAccess['project'];

export async function recordGateDecision(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  reviewId: string,
  input: z.output<typeof DecideBody>,
  secondFactor: SecondFactorCheck,
): Promise<GateReview> {
  const { project } = await requireProjectAction(deps, actor, projectId, 'project.view');
  const review = await openReview(deps, projectId, reviewId);
  const committee = await loadCommittee(deps.db, review);
  if (!committee) {
    await requireProjectAction(deps, actor, projectId, 'gate.decide');
    const proof = await proveSigner(deps, actor, { projectId, reviewId }, input, secondFactor);
    return signGateDecision(deps, actor, projectId, reviewId, input, proof);
  }
  // Refused before the password is asked: nothing to sign, no attempt counted.
  const refusal = committeeRefusal(committee, actor.id, deps.clock(), 'sign');
  if (refusal) throw new AppError('forbidden', `${refusal}: nothing was signed`);
  const shortfall = quorumShortfall(committee);
  if (shortfall) throw new AppError('conflict', shortfall);
  if (project.archived) throw new AppError('conflict', 'This project is archived');
  checkDates(deps, input);
  const proof = await proveSigner(deps, actor, { projectId, reviewId }, input, secondFactor);
  if (committee.signing === 'chair')
    return commitDecision(deps, actor, project, reviewId, input, proof, 'chair');
  return signAsMember(deps, actor, project, reviewId, committee, input, proof);
}

function checkDates(deps: ServiceDeps, input: DecisionInput) {
  if (
    input.outcome === 'hold' &&
    input.reviewDate &&
    input.reviewDate <= deps.clock().toISOString().slice(0, 10)
  )
    throw new AppError('invalid_input', 'A Hold’s review date is after today', [
      { path: 'reviewDate', message: 'Pick a date after today' },
    ]);
}

/**
 * Every member signs: the chair states the decision and signs first; each other member signs it
 * as it stands; the last signature makes it the decision. Until then it has no effect.
 */
async function signAsMember(
  deps: ServiceDeps,
  actor: Actor,
  project: ProjectRow,
  reviewId: string,
  committee: CommitteeState,
  input: DecisionInput,
  proof: SignerProof,
): Promise<GateReview> {
  const { db } = deps;
  const now = deps.clock();
  const [pending] = await db
    .select()
    .from(gatePendingDecisions)
    .where(eq(gatePendingDecisions.reviewId, reviewId));
  const me = committee.members.find((m) => m.userId === actor.id)!;
  if (me.signedAt) throw new AppError('conflict', 'You have already signed this decision');
  if (!pending && !me.chair)
    throw new AppError(
      'conflict',
      'The chair states the decision and signs first; then every member signs it',
    );
  if (pending && pending.outcome !== input.outcome)
    throw new AppError(
      'conflict',
      `The decision awaiting signatures is ${pending.outcome}: sign it as it stands, or recommend otherwise`,
      [{ path: 'outcome', message: `Sign ${pending.outcome}` }],
    );
  const signature = db.insert(gateSignatures).values({
    reviewId,
    userId: actor.id,
    signerName: actor.name,
    signedAt: now,
    signedWith: proof.method,
    authenticatedAt: proof.authenticatedAt,
  });
  const stated: DecisionInput = pending
    ? {
        outcome: pending.outcome as DecisionInput['outcome'],
        rationale: pending.rationale,
        conditions: pending.conditions,
        reviewDate: pending.reviewDate ?? undefined,
        deficiencies: pending.deficiencies ?? [],
      }
    : input;
  const others = stillToSign(committee).filter((m) => m.userId !== actor.id);
  if (others.length === 0)
    return commitDecision(deps, actor, project, reviewId, stated, proof, 'all', [signature]);
  const changes = new ChangeSet(deps, { at: now, actor, projectId: project.id }).write(signature);
  if (!pending)
    changes.write(
      db.insert(gatePendingDecisions).values({
        reviewId,
        outcome: input.outcome,
        rationale: input.rationale,
        conditions: input.conditions,
        reviewDate: input.reviewDate ?? null,
        deficiencies: input.deficiencies,
        proposedBy: actor.id,
        proposedAt: now,
      }),
    );
  await changes
    .audit({
      entity: 'gate_signature',
      entityId: reviewId,
      action: 'create',
      after: {
        outcome: stated.outcome,
        signerId: actor.id,
        signedWith: proof.method,
        awaiting: others.length,
      },
    })
    .activity('project.view')
    .emit('gate.changed', { projectId: project.id, reviewId })
    .commit();
  return (await loadGateReviews(db, project.id, reviewId))[0]!;
}

/**
 * Records a decision whose signer has proved who they are (`proof`). The routes reach it only
 * through recordGateDecision; the demo seed (db/seed/history.ts) signs its past decisions
 * with one proof of the manager's demo password, checked by proveSigner once.
 */
export async function signGateDecision(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  reviewId: string,
  input: Pick<z.output<typeof DecideBody>, 'outcome' | 'rationale' | 'conditions'> &
    Partial<Pick<z.output<typeof DecideBody>, 'reviewDate' | 'deficiencies'>>,
  proof: SignerProof,
): Promise<GateReview> {
  const { project } = await requireProjectAction(deps, actor, projectId, 'gate.decide');
  await openReview(deps, projectId, reviewId);
  return commitDecision(deps, actor, project, reviewId, input, proof, null);
}

/** Writes the decision and what it does, in one batch (with `extra`, e.g. the last signature). */
async function commitDecision(
  deps: ServiceDeps,
  actor: Actor,
  project: ProjectRow,
  reviewId: string,
  input: Pick<z.output<typeof DecideBody>, 'outcome' | 'rationale' | 'conditions'> &
    Partial<Pick<z.output<typeof DecideBody>, 'reviewDate' | 'deficiencies'>>,
  proof: SignerProof,
  signedBy: 'chair' | 'all' | null,
  extra: Statement[] = [],
): Promise<GateReview> {
  const { db } = deps;
  const projectId = project.id;
  // the gate's criteria name the evidence the decision records
  const review = await openReview(deps, projectId, reviewId);
  const deficiencies = input.outcome === 'recycle' ? (input.deficiencies ?? []) : [];
  const reviewDate = input.outcome === 'hold' ? (input.reviewDate ?? null) : null;
  if (input.outcome === 'recycle' && deficiencies.length === 0)
    throw new AppError('invalid_input', 'A Recycle names the deficiencies to rework (1 to 20)', [
      { path: 'deficiencies', message: 'Name at least one deficiency' },
    ]);
  if (input.outcome === 'hold' && !reviewDate)
    throw new AppError('invalid_input', 'A Hold names the date the project is looked at again', [
      { path: 'reviewDate', message: 'Pick the review date' },
    ]);

  const now = deps.clock();
  const effect = effectOf(input.outcome, project.stage);
  const decision = {
    id: crypto.randomUUID(),
    reviewId,
    projectId,
    outcome: input.outcome,
    rationale: input.rationale,
    conditions: input.conditions,
    signerId: actor.id,
    signerName: actor.name,
    signedAt: now,
    meaning: SIGNATURE_MEANING,
    signedWith: proof.method,
    authenticatedAt: proof.authenticatedAt,
    stageBefore: project.stage,
    stageAfter: effect.stage,
    reviewDate,
    deficiencies: input.outcome === 'recycle' ? deficiencies : null,
    signedBy,
  };
  const changes = new ChangeSet(deps, { at: now, actor, projectId })
    // Guarded, and first: of two signers at once, the second finds the review decided, and
    // neither its decision nor its audit entry is written.
    .guarded(
      db
        .update(gateReviews)
        .set({ status: 'decided' })
        .where(and(eq(gateReviews.id, reviewId), eq(gateReviews.status, 'open'))),
      'This gate review was decided meanwhile by someone else: nothing was signed',
    )
    .write(
      ...extra,
      db.insert(gateDecisions).values(decision),
      recordDecisionEvidence(decision.id, review),
      db
        .update(projects)
        // A Hold parks the project until its review date; any other decision ends a Hold.
        .set({
          stage: effect.stage,
          archived: effect.archive || project.archived,
          onHoldUntil: reviewDate,
          updatedAt: now,
        })
        .where(eq(projects.id, projectId)),
    )
    .audit({
      entity: 'gate_decision',
      entityId: decision.id,
      action: 'create',
      after: {
        outcome: decision.outcome,
        rationale: decision.rationale,
        conditions: decision.conditions,
        reviewDate,
        deficiencies,
        signerId: actor.id,
        meaning: SIGNATURE_MEANING,
        signedWith: proof.method,
      },
      reason: input.rationale,
    })
    .notify(await gateDecidedNotifications(deps, actor, project, reviewId, input.outcome));
  if (effect.stage !== project.stage)
    changes.audit({
      entity: 'project',
      entityId: projectId,
      action: 'update',
      field: 'stage',
      before: project.stage,
      after: effect.stage,
      reason: `gate decision: ${input.outcome}`,
    });
  if (effect.archive && !project.archived)
    changes.audit({
      entity: 'project',
      entityId: projectId,
      action: 'update',
      field: 'archived',
      before: false,
      after: true,
      reason: 'gate decision: kill',
    });
  // A killed project is archived: its open pages become read-only at once.
  if (effect.archive && !project.archived) changes.emit('membership.changed', { projectId });
  if ((project.onHoldUntil ?? null) !== reviewDate)
    changes.audit({
      entity: 'project',
      entityId: projectId,
      action: 'update',
      field: 'onHoldUntil',
      before: project.onHoldUntil ?? null,
      after: reviewDate,
      reason: `gate decision: ${input.outcome}`,
    });
  // The conditions' (or a Recycle's deficiencies') milestones are owed in the decision's own
  // batch: both commit, or neither.
  const owedMilestones = input.outcome === 'recycle' ? deficiencies : input.conditions;
  if (owedMilestones.length) {
    const owed = await conditionsEffect(deps, actor.id, projectId, now, {
      decisionId: decision.id,
      stage: effect.stage,
      conditions: owedMilestones,
    });
    changes.write(owed.statement).afterCommit(() => deps.effects.run(owed.effect));
  }
  await changes
    .emit('project.changed', { projectId })
    .activity('project.view')
    .emit('gate.changed', { projectId, reviewId })
    .checkpoint('gate')
    .commit();
  deps.log.info({ projectId, reviewId, outcome: input.outcome, signer: actor.id }, 'gate decision signed');
  return (await loadGateReviews(db, projectId, reviewId))[0]!;
}
