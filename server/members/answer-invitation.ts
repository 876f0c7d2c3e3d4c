/**
 * The link's holder declines an invitation, without signing in: the link was mailed to the
 * address, so holding it is enough to say no. The link stops working and the inviter is told.
 */
import { and, eq } from 'drizzle-orm';
import { ChangeSet } from '../change-set.ts';
import { projectInvitations } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { invitationAnsweredNotifications } from '../notifications/sources.ts';
import { openInvitation } from './invitations.ts';
import { unanswered } from './member-view.ts';

export async function declineInvitation(deps: ServiceDeps, token: string): Promise<void> {
  const { inv } = await openInvitation(deps, token);
  const now = deps.clock();
  // Nobody is signed in: the audit entry names no actor, and says it came through the link.
  await new ChangeSet(deps, { at: now, actor: null, projectId: inv.projectId })
    .guarded(
      deps.db
        .update(projectInvitations)
        .set({ declinedAt: now })
        .where(
          and(
            eq(projectInvitations.id, inv.id),
            eq(projectInvitations.tokenHash, inv.tokenHash),
            unanswered(),
          ),
        ),
      'This invitation was used, withdrawn or sent again meanwhile',
    )
    .audit({
      entity: 'invitation',
      entityId: inv.id,
      action: 'update',
      field: 'declined',
      after: true,
      reason: 'declined through the invitation link',
    })
    .notify(
      await invitationAnsweredNotifications(deps, {
        type: 'invitation_declined',
        projectId: inv.projectId,
        invitedBy: inv.invitedBy,
        email: inv.email,
        role: inv.role,
        by: null,
      }),
    )
    .activity('members.manage')
    .commit();
}
