/**
 * Invitations: the invitee previews one by its link, then accepts it, which only the holder of
 * the link can do (it was mailed to the address): signed in with the invited address, or by
 * creating the account (accept-invitation-account.ts). Accepting proves the address, so the
 * account is marked verified. A lead can revoke an invitation that is still open.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import { projectInvitations, projectMembers, projects, user } from '../db/schema/index.ts';
import type { Statement } from '../db/writer.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { projectAddedNotifications } from '../notifications/sources.ts';
import { hashInvitationToken } from './invite-member.ts';

export async function openInvitation(deps: ServiceDeps, token: string) {
  const [row] = await deps.db
    .select({ inv: projectInvitations, title: projects.title, inviter: user.name })
    .from(projectInvitations)
    .innerJoin(projects, eq(projects.id, projectInvitations.projectId))
    .innerJoin(user, eq(user.id, projectInvitations.invitedBy))
    .where(eq(projectInvitations.tokenHash, hashInvitationToken(token)))
    .limit(1);
  if (!row || row.inv.revokedAt || row.inv.acceptedAt || row.inv.expiresAt <= deps.clock())
    throw new AppError('not_found', 'This invitation does not exist, has expired, or was already used');
  return row;
}

export type OpenInvitation = Awaited<ReturnType<typeof openInvitation>>['inv'];

export async function previewInvitation(deps: ServiceDeps, token: string) {
  const row = await openInvitation(deps, token);
  const [account] = await deps.db
    .select({ verified: user.emailVerified })
    .from(user)
    .where(eq(user.email, row.inv.email))
    .limit(1);
  return {
    project: { id: row.inv.projectId, title: row.title },
    email: row.inv.email,
    role: row.inv.role as 'lead' | 'contributor' | 'mentor' | 'observer',
    invitedBy: row.inviter,
    expiresAt: row.inv.expiresAt.toISOString(),
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
  await joinByInvitation(deps, inv, { id: actor.id, organisationId: actor.organisationId }, [
    deps.db.update(user).set({ emailVerified: true }).where(eq(user.id, actor.id)),
  ]);
  return { projectId: inv.projectId };
}

/**
 * Uses the invitation up and makes `who` a member with its role, in one batch with `before`
 * (which creates or proves the account).
 */
export async function joinByInvitation(
  deps: ServiceDeps,
  inv: OpenInvitation,
  who: { id: string; organisationId: string | null },
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
    // Guarded: an invitation is used once; a second use at the same moment is refused whole
    // (with the account `before` would have made).
    .guarded(
      deps.db
        .update(projectInvitations)
        .set({ acceptedAt: now, acceptedBy: who.id })
        .where(and(eq(projectInvitations.id, inv.id), isNull(projectInvitations.acceptedAt))),
      'This invitation was used meanwhile',
    )
    .audit({
      entity: 'member',
      entityId: `${inv.projectId}:${who.id}`,
      action: already ? 'update' : 'create',
      field: 'invitation',
      after: { invitationId: inv.id, role: inv.role },
    });
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
  await changes.emit('membership.changed', { projectId: inv.projectId, userId: who.id }).commit();
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
  if (!inv || inv.revokedAt || inv.acceptedAt)
    throw new AppError('not_found', 'No open invitation with that id');
  const now = deps.clock();
  await new ChangeSet(deps, { at: now, actor, projectId })
    .write(
      deps.db
        .update(projectInvitations)
        .set({ revokedAt: now })
        .where(eq(projectInvitations.id, invitationId)),
    )
    .audit({
      entity: 'invitation',
      entityId: invitationId,
      action: 'delete',
      before: { role: inv.role },
    })
    .commit();
}
