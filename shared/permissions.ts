/**
 * The permission matrix: pure functions of role and action, and the only place that says who
 * may do what. Routes, socket handlers and the client all ask `can` (an action on a project)
 * or `canInCluster` (an action on the cluster as a whole).
 *
 * A user's standing on a project is the set of their roles there: their project role (if a
 * member) and `cluster_manager` (if in the programme office). An action is allowed if any of
 * their roles allows it. Organisation membership is not a role: it grants nothing here.
 */
import type { ProjectRole } from './domain.ts';

export type Role = ProjectRole | 'cluster_manager';

export const actions = [
  'project.view',
  'project.edit',
  'project.archive',
  'members.view',
  'members.manage',
  'doc.edit',
  'comment.write',
  'comment.read_team',
  'gate.request',
  'gate.recommend',
  'gate.decide',
  'audit.view',
  /** file a request to the services catalogue for the project */
  'service.request',
  /** bring an archived project back (the programme office only; leads archive, they do not restore) */
  'project.restore',
  /** record the project's level on its track (TRL-style), with its evidence */
  'project.set_level',
] as const;
export type Action = (typeof actions)[number];

const matrix: Record<Role, ReadonlySet<Action>> = {
  cluster_manager: new Set<Action>([
    'project.view',
    'project.edit',
    'project.archive',
    'members.view',
    'members.manage',
    'comment.write',
    'comment.read_team',
    'gate.recommend',
    'gate.decide',
    'audit.view',
    'project.restore',
    'project.set_level',
  ]),
  lead: new Set<Action>([
    'project.view',
    'project.edit',
    'project.archive',
    'members.view',
    'members.manage',
    'doc.edit',
    'comment.write',
    'comment.read_team',
    'gate.request',
    'audit.view',
    'service.request',
    'project.set_level',
  ]),
  contributor: new Set<Action>([
    'project.view',
    'members.view',
    'doc.edit',
    'comment.write',
    'comment.read_team',
    'audit.view',
    'service.request',
  ]),
  mentor: new Set<Action>([
    'project.view',
    'members.view',
    'comment.write',
    'comment.read_team',
    'gate.recommend',
  ]),
  observer: new Set<Action>(['project.view', 'members.view']),
};

export function can(roles: Iterable<Role>, action: Action): boolean {
  for (const role of roles) if (matrix[role].has(action)) return true;
  return false;
}

/**
 * What an archived project still allows, whatever one's role: reading, and the programme
 * office's restore. Everything else (its card, members, document, comments, gates, requests)
 * is frozen until a cluster manager restores it.
 */
export const ARCHIVED_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'project.view',
  'members.view',
  'comment.read_team',
  'audit.view',
  'project.restore',
]);

/** `can`, on a given project: an archived one allows only ARCHIVED_ACTIONS. */
export function canOnProject(roles: Iterable<Role>, action: Action, project: { archived: boolean }): boolean {
  if (project.archived && !ARCHIVED_ACTIONS.has(action)) return false;
  return can(roles, action);
}

/** The access a user gets on a project's live document (DESIGN §4 `doc:join`). */
export type DocAccess = 'edit' | 'comment' | 'view';

export function docAccess(
  roles: Iterable<Role>,
  project: { archived: boolean } = { archived: false },
): DocAccess | null {
  const list = [...roles];
  if (!can(list, 'project.view')) return null;
  // An archived project is read-only for everyone: its document too.
  if (project.archived) return 'view';
  if (can(list, 'doc.edit')) return 'edit';
  // Mentors comment on milestones; managers and observers watch the document.
  return list.includes('mentor') ? 'comment' : 'view';
}

/** Who may start a project besides the programme office (a cluster setting, shared/schemas/settings.ts). */
export type ProjectCreation = 'managers' | 'leads';

/**
 * May this standing start a project: a cluster manager always; with `leads`, a person who leads
 * at least one project that is not archived; nobody else.
 */
export function mayStartProject(
  standing: ClusterStanding | null | undefined,
  setting: ProjectCreation,
  leadsAnActiveProject: boolean,
): boolean {
  if (canInCluster(standing, 'project.start_any_time')) return true;
  return !!standing && !standing.deactivated && setting === 'leads' && leadsAnActiveProject;
}

/**
 * Actions on the cluster as a whole rather than on one project. Every active account holds the
 * `user` role; the programme office also holds `cluster_manager`. Some actions also have a
 * per-subject ground the use case checks after this one (a service's handling team, an
 * organisation's members): this matrix says who may do them anywhere.
 */
export type ClusterRole = 'user' | 'cluster_manager';

export const clusterActions = [
  /** read the directory: organisations and their profiles */
  'directory.view',
  /** be listed as a contact of an organisation (the use case checks that one belongs to it) */
  'directory.list_contact',
  /** read the maturation frameworks and readiness dimensions */
  'framework.view',
  /** read the service catalogue's active offers */
  'service.view',
  /** read the catalogue's withdrawn offers too */
  'service.view_withdrawn',
  /** add offers to the catalogue and change them */
  'service.manage',
  /** handle the requests to every service (otherwise only a service's handling team does) */
  'service.handle_any',
  /** read the load of every service */
  'service.load',
  /** read the portfolio's analytics: time in stage, gate outcomes, slipping milestones, readiness */
  'portfolio.analytics',
  /** see every project: portfolio, search, series, reports, notifications, the live news */
  'project.view_any',
  /** start a project for any organisation (otherwise only for one's own) */
  'project.create_any_organisation',
  /** recommend on any open gate it may recommend on, without an invitation */
  'gate.review_uninvited',
  /** verify the hash chain of the whole audit trail */
  'audit.verify',
  /** deactivate and reactivate accounts */
  'people.deactivate',
  /** erase a deactivated person's identifying data, on their request (GDPR Art. 17) */
  'people.erase',
  /** export everything the audit trail holds about any person (GDPR Art. 15; one's own needs no role) */
  'people.export',
  /** create an API token (from a signed-in session only) */
  'token.create',
  /** end one's sessions (from a signed-in session only) */
  'session.revoke',
  /** create, edit, deactivate and reactivate organisations; see all their people and projects */
  'organisation.manage',
  /** list and search every person, with their memberships and status */
  'people.view',
  /** grant or withdraw the programme office's rights (the last active manager always stays) */
  'people.grant_manager',
  /** edit the maturation frameworks (each change a new version), copy one, edit readiness texts */
  'framework.manage',
  /** list every project's open invitations, to resend or withdraw them */
  'invitations.manage',
  /** start a project whatever the cluster's setting says (otherwise: mayStartProject) */
  'project.start_any_time',
  /** read and change the cluster's settings (from a signed-in session only) */
  'settings.manage',
  /** add, test and remove the single sign-on connections (from a signed-in session only) */
  'sso.manage',
] as const;
export type ClusterAction = (typeof clusterActions)[number];

const everyone: ClusterAction[] = [
  'directory.view',
  'directory.list_contact',
  'framework.view',
  'service.view',
  'token.create',
  'session.revoke',
];

const clusterMatrix: Record<ClusterRole, ReadonlySet<ClusterAction>> = {
  user: new Set<ClusterAction>(everyone),
  cluster_manager: new Set<ClusterAction>([
    ...everyone,
    'service.view_withdrawn',
    'service.manage',
    'service.handle_any',
    'service.load',
    'portfolio.analytics',
    'project.view_any',
    'project.create_any_organisation',
    'gate.review_uninvited',
    'audit.verify',
    'people.deactivate',
    'people.erase',
    'people.export',
    'organisation.manage',
    'people.view',
    'people.grant_manager',
    'framework.manage',
    'invitations.manage',
    'project.start_any_time',
    'settings.manage',
    'sso.manage',
  ]),
};

/**
 * Who asks, as far as the cluster matrix cares: the server's actor and the client's `Me` both
 * fit. What a credential (an API token's scope and project) takes away is applied on the
 * server, with the other limits of tokens (server/auth/credential-limits.ts).
 */
export interface ClusterStanding {
  clusterManager: boolean;
  deactivated?: boolean;
}

export function clusterRoles(standing: ClusterStanding): ClusterRole[] {
  return standing.clusterManager ? ['user', 'cluster_manager'] : ['user'];
}

/** May this standing do this cluster-level action? Deny by default: no standing, no action. */
export function canInCluster(standing: ClusterStanding | null | undefined, action: ClusterAction): boolean {
  if (!standing || standing.deactivated) return false;
  return clusterRoles(standing).some((role) => clusterMatrix[role].has(action));
}
