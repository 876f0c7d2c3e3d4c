/** A lead changes a member's role, or removes them; a project always keeps a lead. */
import { and, eq } from 'drizzle-orm';
import type { ProjectRole } from '../../shared/domain.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import { projectMembers } from '../db/schema/index.ts';
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

/** The membership, only while it still has the role the use case read. */
const isMembership = (projectId: string, userId: string, role: string) =>
  and(
    eq(projectMembers.projectId, projectId),
    eq(projectMembers.userId, userId),
    eq(projectMembers.role, role),
  );

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
    await new ChangeSet(deps, { at: now, actor, projectId })
      // Guarded on the role read: a concurrent change to this member is refused, never audited
      // with a `before` that was no longer true.
      .guarded(
        deps.db
          .update(projectMembers)
          .set({ role })
          .where(isMembership(projectId, userId, target.role)),
        'This member’s role changed meanwhile: reload the members and try again',
      )
      .audit({
        entity: 'member',
        entityId: `${projectId}:${userId}`,
        action: 'update',
        field: 'role',
        before: target.role,
        after: role,
      })
      .activity('members.view')
      .emit('membership.changed', { projectId, userId })
      .commit();
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
  await new ChangeSet(deps, { at: now, actor, projectId })
    .guarded(
      deps.db.delete(projectMembers).where(isMembership(projectId, userId, target.role)),
      'This member’s role changed meanwhile: reload the members and try again',
    )
    .audit({
      entity: 'member',
      entityId: `${projectId}:${userId}`,
      action: 'delete',
      field: 'role',
      before: target.role,
    })
    .activity('members.view')
    .emit('membership.changed', { projectId, userId })
    .commit();
}
