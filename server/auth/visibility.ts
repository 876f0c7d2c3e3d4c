/**
 * Who may see which project, in one place. A person sees a project when their roles there allow
 * `project.view` (shared/permissions.ts): a member in any role (lead, contributor, mentor,
 * observer), or the programme office, which holds `cluster_manager` on every project. A partner
 * organisation's people see it only as members: organisation membership grants nothing. A token
 * bound to one project sees that one and no other.
 *
 * The one rule answers in the three shapes its callers need: for the caller and one project
 * (`maySeeProject`, behind server/auth/access.ts), as a condition for list queries
 * (`visibleProjectsWhere`: lists, search, series, notifications, digests), and for people other
 * than the caller (`rolesOfPeopleOn`: who a notification may reach).
 */
import { and, eq, inArray, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { ProjectRole } from '../../shared/domain.ts';
import { type Action, type ClusterStanding, can, clusterRoles, type Role } from '../../shared/permissions.ts';
import { projectRoles } from '../../shared/vocabularies.ts';
import type { Db } from '../db/client.ts';
import { clusterManagers, projectMembers } from '../db/schema/index.ts';
import type { Actor } from './actor.ts';
import { tokenProject } from './credential-limits.ts';

/** Whom a visibility question is about: the server's actor, or a user the server reads for. */
export type Reader = ClusterStanding & Pick<Actor, 'id' | 'via'>;

/** A person's roles on a project, given their member role there (null when not a member). */
export function rolesOn(standing: ClusterStanding, memberRole: ProjectRole | null): Role[] {
  const roles: Role[] = memberRole ? [memberRole] : [];
  if (clusterRoles(standing).includes('cluster_manager')) roles.push('cluster_manager');
  return roles;
}

/** May this reader see this project, given its member role there? */
export function maySeeProject(reader: Reader, projectId: string, memberRole: ProjectRole | null): boolean {
  const bound = tokenProject(reader);
  if (bound !== null && bound !== projectId) return false;
  return can(rolesOn(reader, memberRole), 'project.view');
}

/**
 * The projects where the reader's roles allow `action`, as a condition on a column of project
 * ids; undefined when every project does (so that `and(...)` ignores it). The credential's
 * reach is not in it: `visibleProjectsWhere` adds it.
 */
export function projectsWhereRolesAllow(
  db: Db,
  reader: Reader,
  action: Action,
  projectColumn: SQLWrapper,
): SQL | undefined {
  if (can(rolesOn(reader, null), action)) return undefined;
  const allowed = projectRoles.filter((role) => can([role], action));
  const memberships = db
    .select({ id: projectMembers.projectId })
    .from(projectMembers)
    .where(
      and(
        eq(projectMembers.userId, reader.id),
        allowed.length < projectRoles.length ? inArray(projectMembers.role, allowed) : undefined,
      ),
    );
  return inArray(projectColumn, memberships);
}

/** The projects the reader may see, as a condition for list queries; undefined: every project. */
export function visibleProjectsWhere(db: Db, reader: Reader, projectColumn: SQLWrapper): SQL | undefined {
  const bound = tokenProject(reader);
  return and(
    projectsWhereRolesAllow(db, reader, 'project.view', projectColumn),
    bound === null ? undefined : eq(projectColumn, bound),
  );
}

/** What the server knows of a user's standing in the cluster, for deciding on their behalf. */
export async function standingOf(db: Db, userId: string): Promise<Reader> {
  const manager = await db
    .select({ id: clusterManagers.userId })
    .from(clusterManagers)
    .where(eq(clusterManagers.userId, userId))
    .limit(1);
  return { id: userId, clusterManager: manager.length > 0 };
}

/**
 * Each person's roles on a project (every one of `userIds` is in the map, with no roles when
 * they have none there): for deciding about people other than the caller.
 */
export async function rolesOfPeopleOn(
  db: Db,
  projectId: string,
  userIds: readonly string[],
): Promise<Map<string, Role[]>> {
  const [members, managers] = await Promise.all([
    db
      .select({ userId: projectMembers.userId, role: projectMembers.role })
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, projectId), inArray(projectMembers.userId, [...userIds]))),
    db
      .select({ userId: clusterManagers.userId })
      .from(clusterManagers)
      .where(inArray(clusterManagers.userId, [...userIds])),
  ]);
  const memberRole = new Map(members.map((m) => [m.userId, m.role as ProjectRole]));
  const manager = new Set(managers.map((m) => m.userId));
  return new Map(
    userIds.map((id) => [id, rolesOn({ clusterManager: manager.has(id) }, memberRole.get(id) ?? null)]),
  );
}
