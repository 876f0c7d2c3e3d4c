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
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import type { SecondFactorCheck } from '../auth/second-factor.ts';
import { ChangeSet } from '../change-set.ts';
import { gateDecisions, gateReviews, projects } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { recordDecisionEvidence } from '../evidence/decision-evidence.ts';
import { gateDecidedNotifications } from '../notifications/sources.ts';
import { conditionsEffect } from './condition-milestones.ts';
import { loadGateReviews } from './gate-view.ts';
import { effectOf, SIGNATURE_MEANING } from './gates.rules.ts';
import { openReview } from './review-gate.ts';
import { proveSigner, type SignerProof } from './signer-proof.ts';

export async function recordGateDecision(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  reviewId: string,
  input: z.output<typeof DecideBody>,
  secondFactor: SecondFactorCheck,
): Promise<GateReview> {
  await requireProjectAction(deps, actor, projectId, 'gate.decide');
  await openReview(deps, projectId, reviewId);
  const proof = await proveSigner(deps, actor, { projectId, reviewId }, input, secondFactor);
  return signGateDecision(deps, actor, projectId, reviewId, input, proof);
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
  input: Pick<z.output<typeof DecideBody>, 'outcome' | 'rationale' | 'conditions'>,
  proof: SignerProof,
): Promise<GateReview> {
  const { db } = deps;
  const { project } = await requireProjectAction(deps, actor, projectId, 'gate.decide');
  const review = await openReview(deps, projectId, reviewId);

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
      db.insert(gateDecisions).values(decision),
      recordDecisionEvidence(decision.id, review),
      db
        .update(projects)
        .set({ stage: effect.stage, archived: effect.archive || project.archived, updatedAt: now })
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
  // The conditions' milestones are owed in the decision's own batch: both commit, or neither.
  if (input.conditions.length) {
    const owed = await conditionsEffect(deps, actor.id, projectId, now, {
      decisionId: decision.id,
      stage: effect.stage,
      conditions: input.conditions,
    });
    changes.write(owed.statement).afterCommit(() => deps.effects.run(owed.effect));
  }
  await changes
    .emit('project.changed', { projectId })
    .activity('project.view')
    .emit('gate.changed', { projectId, reviewId: review.id })
    .checkpoint('gate')
    .commit();
  deps.log.info({ projectId, reviewId, outcome: input.outcome, signer: actor.id }, 'gate decision signed');
  return (await loadGateReviews(db, projectId, review.id))[0]!;
}
