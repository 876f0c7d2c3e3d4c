/**
 * A lead adds someone to a project by e-mail. An account that has proven its address (a mailed
 * link followed at least once) becomes a member at once and is told so. Anyone else, including
 * an account that merely claims the address, is invited: only following the link mailed to the
 * address makes them a member (invite-member.ts).
 */
import { and, eq } from 'drizzle-orm';
import type { ProjectRole } from '../../shared/domain.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import { projectMembers, projects, user } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { addedToProjectMail } from '../mail/account-mail.ts';
import { projectAddedNotifications } from '../notifications/sources.ts';
import { inviteMember } from './invite-member.ts';
import { loadMembers } from './member-view.ts';

export async function addMember(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: { email: string; role: ProjectRole; organisationId?: string },
) {
  const { db } = deps;
  await requireProjectAction(deps, actor, projectId, 'members.manage');
  const [existing] = await db.select().from(user).where(eq(user.email, input.email)).limit(1);
  if (existing) {
    const [already] = await db
      .select()
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, existing.id)))
      .limit(1);
    if (already) throw new AppError('conflict', `${existing.name} is already a member (${already.role})`);
  }
  if (!existing?.emailVerified) return inviteMember(deps, actor, projectId, input);

  const now = deps.clock();
  await new ChangeSet(deps, { at: now, actor, projectId })
    .write(
      db
        .insert(projectMembers)
        .values({ projectId, userId: existing.id, role: input.role, addedBy: actor.id, addedAt: now }),
    )
    .audit({
      entity: 'member',
      entityId: `${projectId}:${existing.id}`,
      action: 'create',
      field: 'role',
      after: input.role,
    })
    .notify(
      await projectAddedNotifications(deps, {
        projectId,
        userId: existing.id,
        role: input.role,
        addedBy: actor.id,
      }),
    )
    .activity('members.view')
    .emit('membership.changed', { projectId, userId: existing.id })
    .commit();
  if (deps.mailer.enabled) {
    const [project] = await db
      .select({ title: projects.title })
      .from(projects)
      .where(eq(projects.id, projectId));
    deps.mailer.send(
      addedToProjectMail(existing.email, {
        url: `${deps.publicUrl}/projects/${projectId}`,
        project: project?.title ?? '',
        inviter: actor.name,
      }),
    );
  }
  const [added] = await loadMembers(db, projectId, existing.id);
  if (!added) throw new AppError('internal', 'Member vanished after being added');
  return { added };
}
