/**
 * A gate review's committee: set by a cluster manager on an open review (a chair who is a
 * cluster manager, members who are cluster managers or people of the project, a quorum, a
 * deadline), read with each member's exclusions, recommendations and signatures.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommitteeBody, GateReview } from '../../shared/schemas/gates.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import {
  clusterManagers,
  gateCommitteeMembers,
  gateCommittees,
  gatePendingDecisions,
  projectMembers,
} from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { loadGateReviews } from './gate-view.ts';
import { openReview } from './review-gate.ts';

/** Sets (or replaces, before anyone signed) the committee of an open review. Cluster managers. */
export async function setCommittee(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  reviewId: string,
  input: z.output<typeof CommitteeBody>,
): Promise<GateReview> {
  const { db } = deps;
  await requireProjectAction(deps, actor, projectId, 'gate.decide');
  await openReview(deps, projectId, reviewId);
  const now = deps.clock();
  const deadline = new Date(input.deadline);
  if (deadline <= now)
    throw new AppError('invalid_input', 'The deadline must be in the future', [
      { path: 'deadline', message: 'Pick a time after now' },
    ]);
  const ids = [...new Set([input.chairId, ...input.memberIds])];
  if (input.quorum > ids.length)
    throw new AppError('invalid_input', `A quorum of ${input.quorum} needs at least as many members`, [
      { path: 'quorum', message: `At most ${ids.length}` },
    ]);
  const [managers, members, signed] = await Promise.all([
    db
      .select({ userId: clusterManagers.userId })
      .from(clusterManagers)
      .where(inArray(clusterManagers.userId, ids)),
    db
      .select({ userId: projectMembers.userId })
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, projectId), inArray(projectMembers.userId, ids))),
    db
      .select({ r: gatePendingDecisions.reviewId })
      .from(gatePendingDecisions)
      .where(eq(gatePendingDecisions.reviewId, reviewId)),
  ]);
  if (signed.length)
    throw new AppError(
      'conflict',
      'Members have started signing this decision: the committee can no longer change',
    );
  const isManager = new Set(managers.map((m) => m.userId));
  const onProject = new Set(members.map((m) => m.userId));
  if (!isManager.has(input.chairId))
    throw new AppError('invalid_input', 'The chair is a cluster manager', [
      { path: 'chairId', message: 'Pick a cluster manager' },
    ]);
  const strangers = ids.filter((id) => !isManager.has(id) && !onProject.has(id));
  if (strangers.length)
    throw new AppError(
      'invalid_input',
      'A committee member is a cluster manager or a person of this project (add them to the project first)',
      strangers.map((id) => ({
        path: `memberIds.${input.memberIds.indexOf(id)}`,
        message: 'Not on this project',
      })),
    );
  await new ChangeSet(deps, { at: now, actor, projectId })
    .write(
      db.delete(gateCommitteeMembers).where(eq(gateCommitteeMembers.reviewId, reviewId)),
      db
        .insert(gateCommittees)
        .values({
          reviewId,
          chairId: input.chairId,
          quorum: input.quorum,
          deadline,
          setBy: actor.id,
          setAt: now,
        })
        .onConflictDoUpdate({
          target: gateCommittees.reviewId,
          set: { chairId: input.chairId, quorum: input.quorum, deadline, setBy: actor.id, setAt: now },
        }),
      db
        .insert(gateCommitteeMembers)
        .values(
          ids.map((userId) => ({ reviewId, userId, kind: isManager.has(userId) ? 'manager' : 'external' })),
        ),
    )
    .audit({
      entity: 'gate_review',
      entityId: reviewId,
      action: 'update',
      field: 'committee',
      after: { chairId: input.chairId, members: ids, quorum: input.quorum, deadline: input.deadline },
    })
    .activity('project.view')
    .emit('gate.changed', { projectId, reviewId })
    .commit();
  return (await loadGateReviews(db, projectId, reviewId))[0]!;
}
