/**
 * An invitation to a project: a single-use link bound to one address, valid INVITATION_DAYS, mailed
 * to that address when a mail server is configured. Only the link proves the address, so with
 * mail the inviter never sees it; without mail the inviter is handed it once, to pass on.
 * Only the token's hash is stored. For an address without an account, the inviter may name the
 * (active) organisation the account joins when it is created by accepting.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { ProjectRole } from '../../shared/domain.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import { organisations, projectInvitations } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { invitationMail } from '../mail/account-mail.ts';
import { invitationExpiry } from './invitation.rules.ts';
import { type InvitationRecord, loadInvitationRecords, toInvitation } from './member-view.ts';

export const hashInvitationToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const newInvitationToken = () => randomBytes(24).toString('base64url');

/** The organisation a new account will join: it must exist and be active. */
async function activeOrganisation(deps: ServiceDeps, organisationId: string) {
  const [org] = await deps.db
    .select({ id: organisations.id, deactivatedAt: organisations.deactivatedAt })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .limit(1);
  if (!org || org.deactivatedAt) {
    const message = org ? 'This organisation is deactivated' : 'No such organisation';
    throw new AppError('invalid_input', message, [{ path: 'organisationId', message }]);
  }
  return org.id;
}

export async function inviteMember(
  deps: ServiceDeps,
  actor: Actor,
  projectId: string,
  input: { email: string; role: ProjectRole; organisationId?: string | null },
) {
  const { db } = deps;
  const now = deps.clock();
  const organisationId = input.organisationId ? await activeOrganisation(deps, input.organisationId) : null;
  const [pending] = await db
    .select({ id: projectInvitations.id })
    .from(projectInvitations)
    .where(
      and(
        eq(projectInvitations.projectId, projectId),
        eq(projectInvitations.email, input.email),
        isNull(projectInvitations.acceptedAt),
        isNull(projectInvitations.declinedAt),
        isNull(projectInvitations.revokedAt),
        gt(projectInvitations.expiresAt, now),
      ),
    )
    .limit(1);
  if (pending)
    throw new AppError(
      'conflict',
      `${input.email} already has an open invitation; resend or withdraw it instead`,
      [{ path: 'email', message: `${input.email} already has an open invitation` }],
    );

  const token = newInvitationToken();
  const row = {
    id: crypto.randomUUID(),
    projectId,
    email: input.email,
    role: input.role,
    tokenHash: hashInvitationToken(token),
    invitedBy: actor.id,
    createdAt: now,
    expiresAt: invitationExpiry(now),
    acceptedAt: null,
    acceptedBy: null,
    revokedAt: null,
    declinedAt: null,
    organisationId,
    lastSentAt: now,
    sendCount: 1,
  };
  await new ChangeSet(deps, { at: now, actor, projectId })
    .write(db.insert(projectInvitations).values(row))
    .audit({
      entity: 'invitation',
      entityId: row.id,
      action: 'create',
      after: { role: row.role, organisationId },
    })
    .activity('members.manage')
    .commit();
  return deliverInvitation(deps, row.id, token);
}

/**
 * Mails the invitation's new link, or, without a mail server, hands it to the caller once.
 * The reply is the invitation as the inviter sees it.
 */
export async function deliverInvitation(deps: ServiceDeps, invitationId: string, token: string) {
  const now = deps.clock();
  const [record] = await loadInvitationRecords(deps.db, eq(projectInvitations.id, invitationId));
  if (!record) throw new AppError('internal', 'The invitation vanished after being written');
  const link = `${deps.publicUrl}/invitations/${token}`;
  if (!deps.mailer.enabled) return { invitation: toInvitation(record, now, link) };
  deps.mailer.send(invitationMailFor(record, link));
  return { invitation: { ...toInvitation(record, now), mailed: true } };
}

function invitationMailFor(record: InvitationRecord & { project: { title: string } }, url: string) {
  return invitationMail(record.inv.email, {
    url,
    project: record.project.title,
    inviter: record.inviter.name,
    role: record.inv.role as ProjectRole,
    expiresAt: record.inv.expiresAt,
  });
}
