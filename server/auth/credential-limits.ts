/**
 * What an API token's limits take away from its owner's rights, in one place: a `read` token
 * only reads (safe HTTP methods, documents viewed, never edited), and a token bound to a project
 * reaches that project and nothing else. A session, or an actor the server makes itself, is
 * not limited here: its roles alone decide (server/auth/access.ts), except for what only a
 * signed-in session does (creating a token, ending sessions).
 */
import type { Action, ClusterAction, DocAccess } from '../../shared/permissions.ts';
import { AppError } from '../errors.ts';
import type { Actor } from './actor.ts';

/** The actions that change nothing: what a read-only token may be allowed. */
const READ_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'project.view',
  'members.view',
  'comment.read_team',
  'audit.view',
]);

/** The cluster-level actions that change nothing: what a read-only token may be allowed. */
const READ_CLUSTER_ACTIONS: ReadonlySet<ClusterAction> = new Set<ClusterAction>([
  'directory.view',
  'framework.view',
  'service.view',
  'service.view_withdrawn',
  'service.handle_any',
  'service.load',
  'portfolio.analytics',
  'project.view_any',
  'audit.verify',
  'people.view',
]);

/**
 * The cluster-level actions a project-bound token may be allowed: what its project's routes and
 * the lists filtered to that project need (PROJECT_TOKEN_ROUTES). Not the cluster's
 * administration, the directory or the catalogue.
 */
const PROJECT_TOKEN_CLUSTER_ACTIONS: ReadonlySet<ClusterAction> = new Set<ClusterAction>([
  'framework.view',
  'service.handle_any',
  'project.view_any',
  'gate.review_uninvited',
]);

/**
 * Done from a signed-in browser session only: a stolen token cannot mint more, end sessions,
 * onboard or deactivate the cluster's organisations, nor make anyone a cluster manager.
 */
const SESSION_ONLY: ReadonlySet<ClusterAction> = new Set<ClusterAction>([
  'token.create',
  'session.revoke',
  'organisation.manage',
  'people.grant_manager',
  'framework.manage',
  'invitations.manage',
  'settings.manage',
  'sso.manage',
]);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The routes a project-bound token may call besides its project's own (`/projects/{id}/…`,
 * where the access layer refuses any other project): lists that the visibility rule
 * (server/auth/visibility.ts) filters to the token's project, and reference data that belongs
 * to no project. Anything else is refused (a handling team's service queue and requests, which
 * reach requests of any project; other people's mentor requests; the catalogue's management;
 * the audit chain; one's credentials), so that a route added later is closed to such a token
 * until it is listed here.
 */
const PROJECT_TOKEN_ROUTES: { method: string; path: RegExp }[] = [
  { method: '*', path: /^\/projects\/[^/]+(\/.*)?$/ },
  { method: 'GET', path: /^\/projects$/ },
  { method: 'GET', path: /^\/search$/ },
  { method: 'GET', path: /^\/portfolio\/stages-over-time$/ },
  { method: 'GET', path: /^\/reports\/portfolio\.csv$/ },
  { method: 'GET', path: /^\/notifications$/ },
  { method: 'GET', path: /^\/me$/ },
  { method: 'GET', path: /^\/frameworks$/ },
];

/** The project an actor's token is bound to, or null when it reaches every project it may see. */
export function tokenProject(actor: Pick<Actor, 'via'>): string | null {
  return actor.via?.kind === 'token' ? actor.via.projectId : null;
}

export function readOnly(actor: Actor): boolean {
  return actor.via?.kind === 'token' && actor.via.scope === 'read';
}

/** Whether the actor's credential lets it reach this project at all (its roles decide the rest). */
export function reachesProject(actor: Actor, projectId: string): boolean {
  const bound = tokenProject(actor);
  return bound === null || bound === projectId;
}

/** Whether the actor's credential allows this action, whatever its roles. */
export function credentialAllows(actor: Actor, action: Action): boolean {
  return !readOnly(actor) || READ_ACTIONS.has(action);
}

/** Whether the actor's credential allows this cluster-level action, whatever its roles. */
export function credentialAllowsInCluster(actor: Pick<Actor, 'via'>, action: ClusterAction): boolean {
  const via = actor.via;
  if (SESSION_ONLY.has(action)) return via?.kind === 'session';
  if (via?.kind !== 'token') return true;
  if (via.scope === 'read' && !READ_CLUSTER_ACTIONS.has(action)) return false;
  return via.projectId === null || PROJECT_TOKEN_CLUSTER_ACTIONS.has(action);
}

/** A document's access capped by the credential: a read-only token views, like an observer. */
export function capDocAccess(actor: Actor, access: DocAccess | null): DocAccess | null {
  return access && readOnly(actor) ? 'view' : access;
}

/** Refuses an HTTP request (path relative to /api) that the actor's token does not allow. */
export function assertTokenAllowsRequest(actor: Actor, method: string, path: string): void {
  const via = actor.via;
  if (via?.kind !== 'token') return;
  if (via.scope === 'read' && !SAFE_METHODS.has(method))
    throw new AppError(
      'forbidden',
      "This API token is read-only (scope 'read'): only GET requests; create a token with scope 'write' to make changes",
    );
  if (
    via.projectId !== null &&
    !PROJECT_TOKEN_ROUTES.some((r) => (r.method === '*' || r.method === method) && r.path.test(path))
  )
    throw new AppError(
      'forbidden',
      'This API token is bound to one project: it reaches that project’s routes, and lists filtered to it',
    );
}
