/**
 * Invitations: the invitee previews one by its link (and learns why a link no longer works),
 * then accepts it, which only the holder of the link can do (it was mailed to the address):
 * signed in with the invited address, or by creating the account (accept-invitation-account.ts).
 * Accepting proves the address, so the account is marked verified; the inviter is told.
 * A lead or a manager can withdraw an invitation that is still unanswered.
 */
import { and, eq } from 'drizzle-orm';
import type { ProjectRole } from '../../shared/domain.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import {
  organisationMembers,
  organisations,
  projectInvitations,
  projectMembers,
  projects,
  user,
} from '../db/schema/index.ts';
import type { Statement } from '../db/writer.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { invitationAnsweredNotifications, projectAddedNotifications } from '../notifications/sources.ts';
import { checkUsable, invitationStatus } from './invitation.rules.ts';
import { hashInvitationToken } from './invite-member.ts';
import { unanswered } from './member-view.ts';

const UNKNOWN_LINK = 'This invitation link does not exist, or a newer one replaced it';

async function findByToken(deps: ServiceDeps, token: string) {
  const [row] = await deps.db
    .select({
      inv: projectInvitations,
      title: projects.title,
      inviter: user.name,
      organisation: organisations.name,
    })
    .from(projectInvitations)
    .innerJoin(projects, eq(projects.id, projectInvitations.projectId))
    .innerJoin(user, eq(user.id, projectInvitations.invitedBy))
    .leftJoin(organisations, eq(organisations.id, projectInvitations.organisationId))
    .where(eq(projectInvitations.tokenHash, hashInvitationToken(token)))
    .limit(1);
  if (!row) throw new AppError('not_found', UNKNOWN_LINK);
  return row;
}

/** The invitation behind a link that still works, or a refusal saying why it does not. */
export async function openInvitation(deps: ServiceDeps, token: string) {
  const row = await findByToken(deps, token);
  checkUsable(row.inv, deps.clock());
  return row;
}

export type OpenInvitation = Awaited<ReturnType<typeof openInvitation>>['inv'];

/** What a link offers, or, for one that no longer works, only why (its status). */
export async function previewInvitation(deps: ServiceDeps, token: string) {
  const row = await findByToken(deps, token);
  const [account] = await deps.db
    .select({ verified: user.emailVerified })
    .from(user)
    .where(eq(user.email, row.inv.email))
    .limit(1);
  return {
    status: invitationStatus(row.inv, deps.clock()),
    project: { id: row.inv.projectId, title: row.title },
    email: row.inv.email,
    role: row.inv.role as ProjectRole,
    invitedBy: row.inviter,
    expiresAt: row.inv.expiresAt.toISOString(),
    organisation: row.organisation,
    account: account?.verified === true,
  };
}

export async function acceptInvitation(
  deps: ServiceDeps,
  actor: Actor,
  token: string,
): Promise<{ projectId: string }> {
  const { inv } = await openInvitation(deps, token);
  if (inv.email.toLowerCase() !== actor.email.toLowerCase())
    throw new AppError(
      'forbidden',
      `This invitation is for ${inv.email}; sign in with that address to accept it`,
    );
  await joinByInvitation(
    deps,
    inv,
    { id: actor.id, name: actor.name, organisationId: actor.organisationId },
    [deps.db.update(user).set({ emailVerified: true }).where(eq(user.id, actor.id))],
  );
  return { projectId: inv.projectId };
}

/**
 * Uses the invitation up and makes `who` a member with its role, in one batch with `before`
 * (which creates or proves the account), and tells the inviter.
 */
export async function joinByInvitation(
  deps: ServiceDeps,
  inv: OpenInvitation,
  who: { id: string; name: string; organisationId: string | null },
  before: Statement[],
): Promise<void> {
  const now = deps.clock();
  const [already] = await deps.db
    .select()
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, inv.projectId), eq(projectMembers.userId, who.id)))
    .limit(1);
  const changes = new ChangeSet(deps, { at: now, actor: who, projectId: inv.projectId })
    .write(...before)
    // Guarded: an invitation is used once, and not after it was declined or withdrawn; a second
    // use at the same moment is refused whole (with the account `before` would have made).
    .guarded(
      deps.db
        .update(projectInvitations)
        .set({ acceptedAt: now, acceptedBy: who.id })
        .where(
          and(
            eq(projectInvitations.id, inv.id),
            eq(projectInvitations.tokenHash, inv.tokenHash),
            unanswered(),
          ),
        ),
      'This invitation was used, declined, withdrawn or sent again meanwhile',
    )
    .audit({
      entity: 'member',
      entityId: `${inv.projectId}:${who.id}`,
      action: already ? 'update' : 'create',
      field: 'invitation',
      after: { invitationId: inv.id, role: inv.role },
    })
    .notify(
      await invitationAnsweredNotifications(deps, {
        type: 'invitation_accepted',
        projectId: inv.projectId,
        invitedBy: inv.invitedBy,
        email: inv.email,
        role: inv.role,
        by: { id: who.id, name: who.name },
      }),
    );
  if (!already)
    changes
      .write(
        deps.db.insert(projectMembers).values({
          projectId: inv.projectId,
          userId: who.id,
          role: inv.role,
          addedBy: inv.invitedBy,
          addedAt: now,
        }),
      )
      .notify(
        await projectAddedNotifications(deps, {
          projectId: inv.projectId,
          userId: who.id,
          role: inv.role,
          addedBy: inv.invitedBy,
        }),
      );
  // Someone joining is seen by every viewer; an invitation answered by a member, by its managers.
  await changes
    .activity(already ? 'members.manage' : 'members.view')
    .emit('membership.changed', { projectId: inv.projectId, userId: who.id })
    .commit();
}

/**
 * The organisation membership an account created by accepting gets, when the inviter chose an
 * organisation that is still active; none otherwise.
 */
export async function organisationJoinedOnAccepting(
  deps: ServiceDeps,
  inv: OpenInvitation,
  userId: string,
): Promise<Statement[]> {
  if (!inv.organisationId) return [];
  const [org] = await deps.db
    .select({ deactivatedAt: organisations.deactivatedAt })
    .from(organisations)
    .where(eq(organisations.id, inv.organisationId));
  if (!org || org.deactivatedAt) return [];
  return [
    deps.db
      .insert(organisationMembers)
      .values({ organisationId: inv.organisationId, userId, createdAt: deps.clock() })
      .onConflictDoNothing(),
  ];
}

export async function revokeInvitation(
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
  if (!inv || inv.revokedAt || inv.acceptedAt || inv.declinedAt)
    throw new AppError('not_found', 'No open invitation with that id');
  const now = deps.clock();
  await new ChangeSet(deps, { at: now, actor, projectId })
    .guarded(
      deps.db
        .update(projectInvitations)
        .set({ revokedAt: now })
        .where(and(eq(projectInvitations.id, invitationId), unanswered())),
      'This invitation was answered meanwhile',
    )
    .audit({
      entity: 'invitation',
      entityId: invitationId,
      action: 'delete',
      before: { role: inv.role },
    })
    .activity('members.manage')
    .commit();
}
