/**
 * Sending an invitation again: a new link (the old one stops working at once, since only the
 * new token's hash is kept), the expiry restarts, and it is mailed again or, without a mail
 * server, handed to the caller once. At most INVITATION_MAX_SENDS sends per invitation.
 */
import { and, eq } from 'drizzle-orm';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import { projectInvitations } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { checkResendable, invitationExpiry } from './invitation.rules.ts';
import { deliverInvitation, hashInvitationToken, newInvitationToken } from './invite-member.ts';
import { unanswered } from './member-view.ts';

export async function resendInvitation(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  invitationId: string,
) {
  await requireProjectAction(deps, actor, projectId, 'members.manage');
  const [inv] = await deps.db
    .select()
    .from(projectInvitations)
    .where(and(eq(projectInvitations.id, invitationId), eq(projectInvitations.projectId, projectId)))
    .limit(1);
  if (!inv) throw new AppError('not_found', 'No invitation with that id on this project');
  const now = deps.clock();
  checkResendable(inv, now);
  const token = newInvitationToken();
  await new ChangeSet(deps, { at: now, actor, projectId })
    // Guarded on the send count read: two resends at once count as one, never six sends.
    .guarded(
      deps.db
        .update(projectInvitations)
        .set({
          tokenHash: hashInvitationToken(token),
          expiresAt: invitationExpiry(now),
          lastSentAt: now,
          sendCount: inv.sendCount + 1,
        })
        .where(
          and(
            eq(projectInvitations.id, inv.id),
            eq(projectInvitations.sendCount, inv.sendCount),
            unanswered(),
          ),
        ),
      'This invitation was answered, withdrawn or sent again meanwhile: reload and try again',
    )
    .audit({
      entity: 'invitation',
      entityId: inv.id,
      action: 'update',
      field: 'sent',
      before: inv.sendCount,
      after: inv.sendCount + 1,
    })
    .activity('members.manage')
    .commit();
  return deliverInvitation(deps, inv.id, token);
}
