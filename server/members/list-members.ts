/** Everyone on a project sees who else is; only those who manage members see open invitations. */
import { can } from '../../shared/permissions.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadMembers, loadOpenInvitations, toInvitation } from './member-view.ts';

export async function listMembers(deps: ServiceDeps, actor: Actor, projectId: string) {
  const access = await requireProjectAction(deps, actor, projectId, 'members.view');
  const members = await loadMembers(deps.db, projectId);
  const invitations = can(access.roles, 'members.manage')
    ? (await loadOpenInvitations(deps.db, projectId, deps.clock())).map((r) => toInvitation(r))
    : [];
  return { members, invitations };
}
