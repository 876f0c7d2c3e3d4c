/**
 * The cluster's two-factor policy applied to one actor. With `required_for_managers_and_signers`,
 * a cluster manager, or anyone whose project role may sign a gate decision, answers nothing but
 * their own account (/api/me and better-auth's /api/auth) until an authenticator app confirms
 * their sign-ins. Applied where the actor is resolved (server/http/session.ts for requests,
 * server/realtime/handshake.ts for sockets), never route by route.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { can } from '../../shared/permissions.ts';
import { type ProjectRole, projectRoles } from '../../shared/vocabularies.ts';
import type { Db } from '../db/client.ts';
import { projectMembers } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { readSettings } from '../settings/read-settings.ts';
import type { Actor } from './actor.ts';

/** The project roles that may sign a gate decision (today none: only the programme office). */
const SIGNING_PROJECT_ROLES: ProjectRole[] = projectRoles.filter((role) => can([role], 'gate.decide'));

export const TWO_FACTOR_REQUIRED_MESSAGE =
  'This cluster requires two-factor authentication of cluster managers and gate signers: turn it on in your account (/account) first';

/** Whether the actor could sign a gate decision, or runs the programme office. */
async function holdsSigningStanding(db: Db, actor: Actor): Promise<boolean> {
  if (actor.clusterManager) return true;
  if (SIGNING_PROJECT_ROLES.length === 0) return false;
  const [row] = await db
    .select({ role: projectMembers.role })
    .from(projectMembers)
    .where(and(eq(projectMembers.userId, actor.id), inArray(projectMembers.role, SIGNING_PROJECT_ROLES)))
    .limit(1);
  return !!row;
}

/** Whether the cluster requires two-factor authentication of this actor (on or not yet). */
export async function twoFactorRequiredOf(deps: { db: Db; log: Logger }, actor: Actor): Promise<boolean> {
  if (!(await holdsSigningStanding(deps.db, actor))) return false;
  return (await readSettings(deps)).twoFactor === 'required_for_managers_and_signers';
}

/**
 * Whether the actor must turn two-factor authentication on before anything else. Most actors
 * cost nothing here: it is already on, or they hold no signing standing; only the rest read
 * the setting.
 */
export async function mustEnrolTwoFactor(deps: { db: Db; log: Logger }, actor: Actor): Promise<boolean> {
  if (actor.twoFactorEnabled) return false;
  return twoFactorRequiredOf(deps, actor);
}

/** What an actor who must enrol may still reach: their own account (the /account page's calls). */
export function answersWhileEnrolling(path: string): boolean {
  return path === '/api/me' || path.startsWith('/api/me/');
}

export function twoFactorRequired(): AppError {
  return new AppError('two_factor_required', TWO_FACTOR_REQUIRED_MESSAGE);
}
