/**
 * The programme office's view of every project's unanswered invitations (open, or expired
 * within the last INVITATION_HISTORY_DAYS), to resend or withdraw them. Cluster managers only,
 * from a browser session: an invitation list is a list of addresses.
 */
import { and, gte } from 'drizzle-orm';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { projectInvitations } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { historyCutoff } from './invitation.rules.ts';
import { loadInvitationRecords, toInvitation, unanswered } from './member-view.ts';

export async function listClusterInvitations(deps: ServiceDeps, actor: Actor) {
  requireClusterAction(deps, actor, 'invitations.manage');
  const now = deps.clock();
  const rows = await loadInvitationRecords(
    deps.db,
    and(unanswered(), gte(projectInvitations.expiresAt, historyCutoff(now))),
  );
  return { invitations: rows.map((r) => ({ ...toInvitation(r, now), project: r.project })) };
}
