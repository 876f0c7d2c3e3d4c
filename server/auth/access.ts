/**
 * The permission check every route and socket handler goes through. A project the actor may
 * not see is `not_found`, never `forbidden`, so that its existence does not leak. Every denial
 * is logged.
 */
import { and, eq } from 'drizzle-orm';
import type { ProjectRole } from '../../shared/domain.ts';
import { type Action, can, type DocAccess, docAccess, type Role } from '../../shared/permissions.ts';
import type { Db } from '../db/client.ts';
import { projectMembers, projects } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { Actor } from './actor.ts';
import { capDocAccess, credentialAllows, reachesProject } from './credential-limits.ts';

export type ProjectRow = typeof projects.$inferSelect;

export interface ProjectAccess {
  project: ProjectRow;
  roles: Role[];
  memberRole: ProjectRole | null;
}

/**
 * The actor's standing on a project, or null when it may not see it. A token bound to another
 * project sees nothing here, exactly as if the project did not exist.
 */
export async function projectAccess(db: Db, actor: Actor, projectId: string): Promise<ProjectAccess | null> {
  if (!reachesProject(actor, projectId)) return null;
  const [row] = await db
    .select({ project: projects, role: projectMembers.role })
    .from(projects)
    .leftJoin(
      projectMembers,
      and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, actor.id)),
    )
    .where(eq(projects.id, projectId))
    .limit(1);
  if (!row) return null;
  const memberRole = (row.role as ProjectRole | null) ?? null;
  const roles: Role[] = [];
  if (memberRole) roles.push(memberRole);
  if (actor.clusterManager) roles.push('cluster_manager');
  return { project: row.project, roles, memberRole };
}

/** Resolves the actor's access to a project and requires `action`, or throws. */
export async function requireProjectAction(
  deps: { db: Db; log: Logger },
  actor: Actor,
  projectId: string,
  action: Action,
): Promise<ProjectAccess> {
  const access = await projectAccess(deps.db, actor, projectId);
  if (!access || !can(access.roles, 'project.view')) {
    deps.log.warn({ denied: action, userId: actor.id, projectId, reason: 'not visible' }, 'access denied');
    throw new AppError('not_found', 'Project not found');
  }
  if (!can(access.roles, action)) {
    deps.log.warn({ denied: action, userId: actor.id, projectId, roles: access.roles }, 'access denied');
    throw new AppError('forbidden', `Your role on this project does not allow ${action}`);
  }
  if (!credentialAllows(actor, action)) {
    deps.log.warn(
      { denied: action, userId: actor.id, projectId, reason: 'read-only token' },
      'access denied',
    );
    throw new AppError('forbidden', `This API token is read-only: it does not allow ${action}`);
  }
  return access;
}

/** What the actor may do on the project's live document (DESIGN §4), its credential's cap applied. */
export function documentAccess(actor: Actor, access: ProjectAccess | null): DocAccess | null {
  return access ? capDocAccess(actor, docAccess(access.roles)) : null;
}
