/**
 * The permission check every route and socket handler goes through: actions on a project
 * (`requireProjectAction`) and on the cluster as a whole (`requireClusterAction`). A project the
 * actor may not see is `not_found`, never `forbidden`, so that its existence does not leak.
 * Every denial is logged.
 */
import { and, eq } from 'drizzle-orm';
import type { ProjectRole } from '../../shared/domain.ts';
import {
  type Action,
  actions,
  type ClusterAction,
  can,
  canInCluster,
  canOnProject,
  clusterRoles,
  type DocAccess,
  docAccess,
  type Role,
} from '../../shared/permissions.ts';
import type { Db } from '../db/client.ts';
import { projectMembers, projects } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { Actor } from './actor.ts';
import {
  capDocAccess,
  credentialAllows,
  credentialAllowsInCluster,
  reachesProject,
} from './credential-limits.ts';
import { maySeeProject, rolesOn } from './visibility.ts';

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
  if (!maySeeProject(actor, projectId, memberRole)) return null;
  return { project: row.project, roles: rolesOn(actor, memberRole), memberRole };
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
  if (!canOnProject(access.roles, action, access.project)) {
    deps.log.warn({ denied: action, userId: actor.id, projectId, reason: 'archived' }, 'access denied');
    throw new AppError(
      'conflict',
      'This project is archived: it is read-only until a cluster manager restores it',
    );
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
  return access ? capDocAccess(actor, docAccess(access.roles, access.project)) : null;
}

/** Why each cluster-level action is refused, in the words the caller reads. */
const clusterDenials: Record<ClusterAction, string> = {
  'directory.view': 'You may not read the directory',
  'directory.list_contact': 'You may not be listed as a contact',
  'framework.view': 'You may not read the frameworks',
  'service.view': 'You may not read the catalogue',
  'service.view_withdrawn': 'Only cluster managers see withdrawn offers',
  'service.manage': 'Only cluster managers manage the catalogue',
  'service.handle_any': 'Only the service’s handling team and cluster managers handle its requests',
  'service.load': 'Only cluster managers see the load of the services',
  'portfolio.analytics': 'Only the programme office reads the portfolio analytics',
  'project.view_any': 'Only cluster managers see every project',
  'project.create_any_organisation': 'You can only start a project for an organisation you belong to',
  'gate.review_uninvited': 'Only invited reviewers recommend on this gate',
  'audit.verify': 'Only the programme office verifies the audit trail',
  'people.deactivate': 'Only cluster managers deactivate or reactivate accounts',
  'people.erase': 'Only cluster managers erase a person’s data',
  'people.export': 'Only cluster managers export what the audit trail holds about someone else',
  'token.create': 'API tokens are created from a signed-in browser session, never with another API token',
  'session.revoke': 'Sessions are ended from a signed-in browser session, not with an API token',
  'organisation.manage':
    'Only cluster managers manage organisations, from a signed-in browser session (not with an API token)',
  'people.view': 'Only cluster managers list and search people',
  'people.grant_manager':
    'Only cluster managers, from a signed-in browser session, grant or withdraw cluster-manager rights',
  'framework.manage':
    'Only cluster managers edit the frameworks, from a signed-in browser session (not with an API token)',
  'invitations.manage':
    'Only cluster managers, from a signed-in browser session, see every project’s invitations',
  'project.start_any_time': 'Only cluster managers start projects whatever the cluster’s setting',
  'settings.manage':
    'Only cluster managers, from a signed-in browser session, read and change the cluster’s settings',
  'sso.manage':
    'Only cluster managers, from a signed-in browser session, manage the single sign-on connections',
};

/** What an actor may do on a project, as the project detail tells the client: roles, state and credential. */
export function allowedActions(actor: Actor, access: ProjectAccess): Action[] {
  return actions.filter((a) => canOnProject(access.roles, a, access.project) && credentialAllows(actor, a));
}

/**
 * May this actor do this cluster-level action: the matrix for its roles, within what its
 * credential allows. Pure; deny by default.
 */
export function mayInCluster(actor: Actor, action: ClusterAction): boolean {
  return canInCluster(actor, action) && credentialAllowsInCluster(actor, action);
}

/** Requires a cluster-level action, or throws `forbidden` (logged). */
export function requireClusterAction(deps: { log: Logger }, actor: Actor, action: ClusterAction): void {
  if (mayInCluster(actor, action)) return;
  deps.log.warn({ denied: action, userId: actor.id }, 'access denied');
  throw new AppError('forbidden', clusterDenials[action]);
}

/** Whether the actor holds the programme office's role, for telling the client (GET /me). */
export function isClusterManager(actor: Actor): boolean {
  return clusterRoles(actor).includes('cluster_manager');
}
