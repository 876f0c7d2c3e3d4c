/**
 * Invitations: the invitee previews one by its link, then accepts it while signed in with the
 * invited e-mail address; a lead can revoke one that is still open.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { projectInvitations, projectMembers, projects, user } from '../db/schema/index.ts';
import { commit } from '../db/writer.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { projectAddedNotifications } from '../notifications/sources.ts';
import { hashInvitationToken } from './add-member.ts';

async function openInvitation(deps: ServiceDeps, token: string) {
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

export async function previewInvitation(deps: ServiceDeps, token: string) {
  const row = await openInvitation(deps, token);
  return {
    project: { id: row.inv.projectId, title: row.title },
    email: row.inv.email,
    role: row.inv.role as 'lead' | 'contributor' | 'mentor' | 'observer',
    invitedBy: row.inviter,
    expiresAt: row.inv.expiresAt.toISOString(),
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
  const now = deps.clock();
  const [already] = await deps.db
    .select()
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, inv.projectId), eq(projectMembers.userId, actor.id)))
    .limit(1);
  const notify = already
    ? null
    : await projectAddedNotifications(deps, {
        projectId: inv.projectId,
        userId: actor.id,
        role: inv.role,
        addedBy: inv.invitedBy,
      });
  await commit(
    deps.db,
    [
      deps.db
        .update(projectInvitations)
        .set({ acceptedAt: now, acceptedBy: actor.id })
        .where(and(eq(projectInvitations.id, inv.id), isNull(projectInvitations.acceptedAt))),
      ...(already
        ? []
        : [
            deps.db.insert(projectMembers).values({
              projectId: inv.projectId,
              userId: actor.id,
              role: inv.role,
              addedBy: inv.invitedBy,
              addedAt: now,
            }),
          ]),
      ...(notify?.statements ?? []),
    ],
    [
      {
        at: now,
        actorId: actor.id,
        actorOrganisationId: actor.organisationId,
        projectId: inv.projectId,
        entity: 'member',
        entityId: `${inv.projectId}:${actor.id}`,
        action: already ? 'update' : 'create',
        field: 'invitation',
        before: null,
        after: { invitationId: inv.id, role: inv.role },
        reason: null,
      },
    ],
  );
  deps.events.emit('membership.changed', { projectId: inv.projectId, userId: actor.id });
  notify?.publish();
  return { projectId: inv.projectId };
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
  await commit(
    deps.db,
    [
      deps.db
        .update(projectInvitations)
        .set({ revokedAt: now })
        .where(eq(projectInvitations.id, invitationId)),
    ],
    [
      {
        at: now,
        actorId: actor.id,
        actorOrganisationId: actor.organisationId,
        projectId,
        entity: 'invitation',
        entityId: invitationId,
        action: 'delete',
        field: null,
        before: { email: inv.email, role: inv.role },
        after: null,
        reason: null,
      },
    ],
  );
}
