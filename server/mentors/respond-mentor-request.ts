/**
 * The mentor answers a request to join a project. Accepting adds them as the project's mentor
 * (comment access, no edits) in the same change set that closes the request, guarded so that a
 * request is answered once.
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { MentorRequest, RespondMentorRequestBody } from '../../shared/directory.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import { mentorRequests, projectMembers } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { byId, loadMentorRequests } from './mentor-view.ts';

export async function respondMentorRequest(
  deps: ServiceDeps,
  actor: Actor,
  requestId: string,
  input: z.output<typeof RespondMentorRequestBody>,
): Promise<MentorRequest> {
  const { db } = deps;
  const [request] = await db.select().from(mentorRequests).where(eq(mentorRequests.id, requestId));
  // Only the mentor it is addressed to may see it here.
  if (!request || request.mentorId !== actor.id) throw new AppError('not_found', 'No such mentor request');
  if (request.status !== 'pending')
    throw new AppError('conflict', `This request was already ${request.status}`);
  const [member] = await db
    .select({ role: projectMembers.role })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, request.projectId), eq(projectMembers.userId, actor.id)));
  if (input.decision === 'accept' && member)
    throw new AppError('conflict', `You are already on this project (${member.role})`);

  const now = deps.clock();
  const status = input.decision === 'accept' ? 'accepted' : 'declined';
  const changes = new ChangeSet(deps, { at: now, actor, projectId: request.projectId })
    // Guarded: a request is answered once; a second answer at the same moment is refused whole.
    .guarded(
      db
        .update(mentorRequests)
        .set({ status, response: input.response ?? null, respondedAt: now })
        .where(and(eq(mentorRequests.id, requestId), eq(mentorRequests.status, 'pending'))),
      'This request was answered meanwhile',
    )
    .audit({
      entity: 'mentor_request',
      entityId: requestId,
      action: 'update',
      field: 'status',
      before: 'pending',
      after: status,
      reason: input.response ?? null,
    });
  if (status === 'accepted')
    changes
      .write(
        db.insert(projectMembers).values({
          projectId: request.projectId,
          userId: actor.id,
          role: 'mentor',
          addedBy: request.requestedBy,
          addedAt: now,
        }),
      )
      .audit({
        entity: 'member',
        entityId: `${request.projectId}:${actor.id}`,
        action: 'create',
        field: 'role',
        after: 'mentor',
        reason: 'accepted a mentor request',
      })
      .activity('members.view')
      .emit('membership.changed', { projectId: request.projectId, userId: actor.id })
      .emit('project.changed', { projectId: request.projectId });
  // A declined request is seen only by those who manage the members, as it was sent.
  else changes.activity('members.manage');
  await changes
    .emit('mentor_request.changed', { projectId: request.projectId, mentorId: actor.id, requestId })
    .commit();
  return (await loadMentorRequests(db, byId(requestId)))[0]!;
}
