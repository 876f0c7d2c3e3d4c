/**
 * The mentor answers a request to join a project. Accepting adds them as the project's mentor
 * (comment access, no edits) in the same batch that closes the request; the batch is guarded
 * so that a request is answered once.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { MentorRequest, RespondMentorRequestBody } from '../../shared/directory.ts';
import type { Actor } from '../auth/actor.ts';
import { mentorRequests, projectMembers } from '../db/schema/index.ts';
import { commit, type Statement } from '../db/writer.ts';
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
  const statements: Statement[] = [
    db
      .update(mentorRequests)
      .set({ status, response: input.response ?? null, respondedAt: now })
      .where(and(eq(mentorRequests.id, requestId), eq(mentorRequests.status, 'pending'))),
  ];
  const base = {
    at: now,
    actorId: actor.id,
    actorOrganisationId: actor.organisationId,
    projectId: request.projectId,
  };
  if (status === 'accepted')
    // Added only while the request is (now) accepted by this very batch: a second answer adds no one.
    statements.push(
      db.run(sql`INSERT INTO project_members (project_id, user_id, role, added_by, added_at)
        SELECT ${request.projectId}, ${actor.id}, 'mentor', ${request.requestedBy}, ${now.getTime()}
        WHERE EXISTS (SELECT 1 FROM mentor_requests WHERE id = ${requestId} AND status = 'accepted' AND responded_at = ${now.getTime()})`),
    );
  await commit(db, statements, [
    {
      ...base,
      entity: 'mentor_request',
      entityId: requestId,
      action: 'update',
      field: 'status',
      before: 'pending',
      after: status,
      reason: input.response ?? null,
    },
    ...(status === 'accepted'
      ? [
          {
            ...base,
            entity: 'member',
            entityId: `${request.projectId}:${actor.id}`,
            action: 'create',
            field: 'role',
            before: null,
            after: 'mentor',
            reason: 'accepted a mentor request',
          },
        ]
      : []),
  ]);
  if (status === 'accepted') {
    deps.events.emit('membership.changed', { projectId: request.projectId, userId: actor.id });
    deps.events.emit('project.changed', { projectId: request.projectId });
  }
  deps.events.emit('mentor_request.changed', { projectId: request.projectId, mentorId: actor.id, requestId });
  return (await loadMentorRequests(db, byId(requestId)))[0]!;
}
