/**
 * A project lead asks a mentor of the directory to join the project. The request goes to the
 * mentor, who accepts (and becomes the project's mentor, with comment access) or declines.
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CreateMentorRequestBody, MentorRequest } from '../../shared/directory.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import { mentorProfiles, mentorRequests, projectMembers } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { byId, loadMentorRequests, pendingFor } from './mentor-view.ts';

export async function requestMentor(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: z.output<typeof CreateMentorRequestBody>,
): Promise<MentorRequest> {
  const { db } = deps;
  const { project } = await requireProjectAction(deps, actor, projectId, 'members.manage');
  if (project.archived) throw new AppError('conflict', 'This project is archived');
  const [profile] = await db.select().from(mentorProfiles).where(eq(mentorProfiles.userId, input.mentorId));
  if (!profile) throw new AppError('not_found', 'No such mentor in the directory');
  if (profile.availability === 'unavailable')
    throw new AppError('conflict', 'This mentor takes no new project at the moment');
  const [member] = await db
    .select({ role: projectMembers.role })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, input.mentorId)));
  if (member) throw new AppError('conflict', `This mentor is already on the project (${member.role})`);
  const [pending] = await db
    .select({ id: mentorRequests.id })
    .from(mentorRequests)
    .where(pendingFor(projectId, input.mentorId));
  if (pending) throw new AppError('conflict', 'This mentor already has your request; wait for their answer');

  const now = deps.clock();
  const id = crypto.randomUUID();
  await new ChangeSet(deps, { at: now, actor, projectId })
    .write(
      db.insert(mentorRequests).values({
        id,
        projectId,
        mentorId: input.mentorId,
        requestedBy: actor.id,
        message: input.message,
        status: 'pending',
        createdAt: now,
      }),
    )
    .audit({
      entity: 'mentor_request',
      entityId: id,
      action: 'create',
      after: { mentorId: input.mentorId, message: input.message },
    })
    .emit('mentor_request.changed', { projectId, mentorId: input.mentorId, requestId: id })
    .activity('members.manage')
    .commit();
  return (await loadMentorRequests(db, byId(id)))[0]!;
}
