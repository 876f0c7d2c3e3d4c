/**
 * An invitation to a project: a single-use link bound to one address, valid 14 days, mailed to
 * that address when a mail server is configured. Only the link proves the address, so with
 * mail the lead never sees it; without mail the lead is handed it once, to pass on.
 * Only the token's hash is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { ProjectRole } from '../../shared/domain.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import { projectInvitations, projects } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { invitationMail } from '../mail/account-mail.ts';
import { toInvitation } from './member-view.ts';

export const INVITATION_DAYS = 14;

export const hashInvitationToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function inviteMember(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: { email: string; role: ProjectRole },
) {
  const { db } = deps;
  const now = deps.clock();
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
    declinedAt: null,
    organisationId: null,
    lastSentAt: now,
    sendCount: 1,
  };
  await new ChangeSet(deps, { at: now, actor, projectId })
    .write(db.insert(projectInvitations).values(row))
    .audit({
      entity: 'invitation',
      entityId: row.id,
      action: 'create',
      after: { role: row.role },
    })
    .commit();
  const link = `${deps.publicUrl}/invitations/${token}`;
  if (!deps.mailer.enabled) return { invitation: toInvitation(row, link) };
  const [project] = await db
    .select({ title: projects.title })
    .from(projects)
    .where(eq(projects.id, projectId));
  deps.mailer.send(
    invitationMail(row.email, {
      url: link,
      project: project?.title ?? '',
      inviter: actor.name,
      days: INVITATION_DAYS,
    }),
  );
  return { invitation: { ...toInvitation(row), mailed: true } };
}
