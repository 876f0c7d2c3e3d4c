/**
 * Everyone on a project sees who else is; only those who manage members see its invitations
 * (open ones, and those closed within the last 30 days, with their status). Deny by default.
 */
import { can } from '../../shared/permissions.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadMembers, loadProjectInvitations, toInvitation } from './member-view.ts';

export async function listMembers(deps: ServiceDeps, actor: Actor, projectId: string) {
  const access = await requireProjectAction(deps, actor, projectId, 'members.view');
  const members = await loadMembers(deps.db, projectId);
  const now = deps.clock();
  const invitations = can(access.roles, 'members.manage')
    ? (await loadProjectInvitations(deps.db, projectId, now)).map((r) => toInvitation(r, now))
    : [];
  return { members, invitations };
}
