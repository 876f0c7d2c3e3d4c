/**
 * Reviewers of an open gate: cluster managers always; mentors of the project when a manager
 * invites them. A reviewer scores the should-meet criteria and recommends; a reviewer from a
 * partner organisation of the project must declare the conflict of interest, and the record
 * shows it.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { GateReview, RecommendBody } from '../../shared/schemas/gates.ts';
import { mayInCluster, requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import {
  gateCriteria,
  gateRecommendations,
  gateReviewers,
  gateReviews,
  organisationMembers,
  projectMembers,
  projectPartners,
} from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { committeeRefusal } from './committee.rules.ts';
import { loadCommittee } from './committee-state.ts';
import { loadGateReviews } from './gate-view.ts';

export async function openReview(deps: ServiceDeps, projectId: string, reviewId: string) {
  const [review] = await deps.db
    .select()
    .from(gateReviews)
    .where(and(eq(gateReviews.id, reviewId), eq(gateReviews.projectId, projectId)))
    .limit(1);
  if (!review) throw new AppError('not_found', 'No such gate review');
  if (review.status !== 'open') throw new AppError('conflict', 'This gate review is already decided');
  return review;
}

export async function inviteReviewer(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  reviewId: string,
  userId: string,
) {
  await requireProjectAction(deps, actor, projectId, 'gate.decide');
  await openReview(deps, projectId, reviewId);
  const [member] = await deps.db
    .select()
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
    .limit(1);
  if (member?.role !== 'mentor') throw new AppError('invalid_input', 'Invite a mentor of this project');
  const now = deps.clock();
  await new ChangeSet(deps, { at: now, actor, projectId })
    .write(
      deps.db
        .insert(gateReviewers)
        .values({ reviewId, userId, invitedBy: actor.id, invitedAt: now })
        .onConflictDoNothing(),
    )
    .audit({ entity: 'gate_review', entityId: reviewId, action: 'update', field: 'reviewers', after: userId })
    .activity('project.view')
    .emit('gate.changed', { projectId, reviewId })
    .commit();
  return (await loadGateReviews(deps.db, projectId, reviewId))[0]!;
}

export async function recommend(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  reviewId: string,
  input: z.output<typeof RecommendBody>,
): Promise<GateReview> {
  const { db } = deps;
  const { project } = await requireProjectAction(deps, actor, projectId, 'project.view');
  const review = await openReview(deps, projectId, reviewId);
  // With a committee, its members recommend (not those excluded, not after the deadline);
  // without one, the reviewers as before.
  const committee = await loadCommittee(db, review);
  if (committee) {
    const refusal = committeeRefusal(committee, actor.id, deps.clock(), 'recommend');
    if (refusal) throw new AppError('forbidden', refusal);
  } else await requireProjectAction(deps, actor, projectId, 'gate.recommend');
  if (!committee && !mayInCluster(actor, 'gate.review_uninvited')) {
    const [invited] = await db
      .select()
      .from(gateReviewers)
      .where(and(eq(gateReviewers.reviewId, reviewId), eq(gateReviewers.userId, actor.id)))
      .limit(1);
    if (!invited) throw new AppError('forbidden', 'Only invited reviewers recommend on this gate');
  }
  const should = await db
    .select({ id: gateCriteria.id })
    .from(gateCriteria)
    .where(
      and(
        eq(gateCriteria.frameworkId, review.frameworkId),
        eq(gateCriteria.stageIndex, review.stageIndex),
        eq(gateCriteria.kind, 'should'),
      ),
    );
  const known = new Set(should.map((c) => c.id));
  for (const id of Object.keys(input.scores))
    if (!known.has(id))
      throw new AppError('invalid_input', `${id} is not a should-meet criterion of this gate`);

  const partnerOrgs = (
    await db.select().from(projectPartners).where(eq(projectPartners.projectId, projectId))
  ).map((p) => p.organisationId);
  const mine = partnerOrgs.length
    ? await db
        .select()
        .from(organisationMembers)
        .where(
          and(
            eq(organisationMembers.userId, actor.id),
            inArray(organisationMembers.organisationId, partnerOrgs),
          ),
        )
    : [];
  if (mine.length && !input.conflictOfInterest)
    throw new AppError(
      'invalid_input',
      'Your organisation is a partner of this project: declare your conflict of interest with your recommendation',
    );

  const now = deps.clock();
  const row = {
    id: crypto.randomUUID(),
    reviewId,
    reviewerId: actor.id,
    scores: input.scores,
    recommendation: input.recommendation,
    rationale: input.rationale,
    conflictOfInterest: input.conflictOfInterest ?? null,
    createdAt: now,
  };
  await new ChangeSet(deps, { at: now, actor, projectId: project.id })
    .write(
      db
        .insert(gateRecommendations)
        .values(row)
        .onConflictDoUpdate({
          target: [gateRecommendations.reviewId, gateRecommendations.reviewerId],
          set: {
            scores: row.scores,
            recommendation: row.recommendation,
            rationale: row.rationale,
            conflictOfInterest: row.conflictOfInterest,
            createdAt: now,
          },
        }),
    )
    .audit({
      entity: 'gate_recommendation',
      entityId: reviewId,
      action: 'create',
      after: {
        scores: row.scores,
        recommendation: row.recommendation,
        rationale: row.rationale,
        conflictOfInterest: row.conflictOfInterest,
      },
    })
    .activity('project.view')
    .emit('gate.changed', { projectId, reviewId })
    .commit();
  return (await loadGateReviews(db, projectId, reviewId))[0]!;
}
