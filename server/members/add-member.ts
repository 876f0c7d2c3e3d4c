/**
 * A lead adds someone to a project by e-mail. A known account is added at once; anyone else
 * gets an invitation whose link the lead passes on (no mail server is configured yet, so the
 * link is returned once, in this reply; only its hash is stored).
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { ProjectRole } from '../../shared/domain.ts';
import { requireProjectAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { projectInvitations, projectMembers, user } from '../db/schema/index.ts';
import { commit } from '../db/writer.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { projectAddedNotifications } from '../notifications/sources.ts';
import { loadMembers, toInvitation } from './member-view.ts';

const INVITATION_DAYS = 14;

export const hashInvitationToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function addMember(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: { email: string; role: ProjectRole },
) {
  const { db } = deps;
  await requireProjectAction(deps, actor, projectId, 'members.manage');
  const now = deps.clock();
  const base = {
    at: now,
    actorId: actor.id,
    actorOrganisationId: actor.organisationId,
    projectId,
    reason: null,
  };
  const [existing] = await db.select().from(user).where(eq(user.email, input.email)).limit(1);

  if (existing) {
    const [already] = await db
      .select()
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, existing.id)))
      .limit(1);
    if (already) throw new AppError('conflict', `${existing.name} is already a member (${already.role})`);
    const notify = await projectAddedNotifications(deps, {
      projectId,
      userId: existing.id,
      role: input.role,
      addedBy: actor.id,
    });
    await commit(
      db,
      [
        db
          .insert(projectMembers)
          .values({ projectId, userId: existing.id, role: input.role, addedBy: actor.id, addedAt: now }),
        ...notify.statements,
      ],
      [
        {
          ...base,
          entity: 'member',
          entityId: `${projectId}:${existing.id}`,
          action: 'create',
          field: 'role',
          before: null,
          after: input.role,
        },
      ],
    );
    deps.events.emit('membership.changed', { projectId, userId: existing.id });
    notify.publish();
    const [added] = await loadMembers(db, projectId, existing.id);
    if (!added) throw new AppError('internal', 'Member vanished after being added');
    return { added };
  }

  const [pending] = await db
    .select()
    .from(projectInvitations)
    .where(
      and(
        eq(projectInvitations.projectId, projectId),
        eq(projectInvitations.email, input.email),
        isNull(projectInvitations.acceptedAt),
        isNull(projectInvitations.revokedAt),
        gt(projectInvitations.expiresAt, now),
      ),
    )
    .limit(1);
  if (pending)
    throw new AppError(
      'conflict',
      `${input.email} already has an open invitation; revoke it to send a new one`,
    );

  const token = randomBytes(24).toString('base64url');
  const row = {
    id: crypto.randomUUID(),
    projectId,
    email: input.email,
    role: input.role,
    tokenHash: hashInvitationToken(token),
    invitedBy: actor.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
    acceptedAt: null,
    acceptedBy: null,
    revokedAt: null,
  };
  await commit(
    db,
    [db.insert(projectInvitations).values(row)],
    [
      {
        ...base,
        entity: 'invitation',
        entityId: row.id,
        action: 'create',
        field: null,
        before: null,
        after: { email: row.email, role: row.role },
      },
    ],
  );
  return { invitation: toInvitation(row, `${deps.publicUrl}/invitations/${token}`) };
}
