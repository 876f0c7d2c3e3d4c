/** A lead changes a member's role, or removes them; a project always keeps a lead. */
import { and, eq } from 'drizzle-orm';
import type { ProjectRole } from '../../shared/domain.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { projectMembers } from '../db/schema/index.ts';
import { commit } from '../db/writer.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { checkKeepsALead } from '../projects/project.rules.ts';
import { loadMembers } from './member-view.ts';

async function loadMembership(deps: ServiceDeps, projectId: string, userId: string) {
  const rows = await deps.db.select().from(projectMembers).where(eq(projectMembers.projectId, projectId));
  const target = rows.find((r) => r.userId === userId);
  if (!target) throw new AppError('not_found', 'No such member on this project');
  return { target, leads: rows.filter((r) => r.role === 'lead').length };
}

export async function changeMemberRole(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  userId: string,
  role: ProjectRole,
) {
  await requireProjectAction(deps, actor, projectId, 'members.manage');
  const { target, leads } = await loadMembership(deps, projectId, userId);
  if (target.role !== role) {
    checkKeepsALead(leads, target.role === 'lead');
    const now = deps.clock();
    await commit(
      deps.db,
      [
        deps.db
          .update(projectMembers)
          .set({ role })
          .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId))),
      ],
      [
        {
          at: now,
          actorId: actor.id,
          actorOrganisationId: actor.organisationId,
          projectId,
          entity: 'member',
          entityId: `${projectId}:${userId}`,
          action: 'update',
          field: 'role',
          before: target.role,
          after: role,
          reason: null,
        },
      ],
    );
    deps.events.emit('membership.changed', { projectId, userId });
  }
  const [member] = await loadMembers(deps.db, projectId, userId);
  if (!member) throw new AppError('not_found', 'No such member on this project');
  return member;
}

export async function removeMember(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  userId: string,
): Promise<void> {
  await requireProjectAction(deps, actor, projectId, 'members.manage');
  const { target, leads } = await loadMembership(deps, projectId, userId);
  checkKeepsALead(leads, target.role === 'lead');
  const now = deps.clock();
  await commit(
    deps.db,
    [
      deps.db
        .delete(projectMembers)
        .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId))),
    ],
    [
      {
        at: now,
        actorId: actor.id,
        actorOrganisationId: actor.organisationId,
        projectId,
        entity: 'member',
        entityId: `${projectId}:${userId}`,
        action: 'delete',
        field: 'role',
        before: target.role,
        after: null,
        reason: null,
      },
    ],
  );
  deps.events.emit('membership.changed', { projectId, userId });
}
