/**
 * `npm run admin -- reset-password <email>`: when someone cannot sign in and nobody can help
 * them from the browser (the last cluster manager forgot their password, the mail server is
 * down). Ends every session of the account at once and issues a new one-time link, valid
 * PASSWORD_LINK_HOURS, which voids the earlier ones. API tokens stay: a lost password says
 * nothing about them, and a manager revokes them from the browser if it does.
 */
import { eq } from 'drizzle-orm';
import { ChangeSet } from '../change-set.ts';
import { session } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { operatorResetMail } from '../mail/account-mail.ts';
import {
  accountByAddress,
  type IssuedLink,
  mailLink,
  type OperatorDeps,
  operatorReason,
  parseAddress,
} from './operator-deps.ts';
import { PASSWORD_LINK_HOURS, passwordLink } from './password-link.ts';

export interface ResetPasswordResult {
  userId: string;
  email: string;
  /** how many sessions were signed out */
  sessionsEnded: number;
  link: IssuedLink;
}

const REASON = operatorReason('reset-password');

export async function resetPasswordFromShell(
  deps: OperatorDeps,
  rawEmail: string,
): Promise<ResetPasswordResult> {
  const email = parseAddress(rawEmail);
  const holder = await accountByAddress(deps.db, email);
  if (!holder) throw new AppError('not_found', `No account has the address ${email}`);
  if (holder.deactivatedAt)
    throw new AppError(
      'conflict',
      `${email} is deactivated: it could not sign in with a new password; a cluster manager reactivates it first`,
    );
  const sessions = await deps.db
    .select({ id: session.id })
    .from(session)
    .where(eq(session.userId, holder.id));
  const now = deps.clock();
  const link = passwordLink(deps.db, deps.publicUrl, holder.id, now);
  await new ChangeSet(deps, { at: now, actor: null, projectId: null })
    .write(deps.db.delete(session).where(eq(session.userId, holder.id)), ...link.statements)
    .audit({
      entity: 'user',
      entityId: holder.id,
      action: 'update',
      field: 'password_link',
      after: { expiresAt: link.expiresAt.toISOString(), sessionsEnded: sessions.length },
      reason: REASON,
    })
    .emit('credentials.ended', {
      userId: holder.id,
      sessionIds: sessions.map((s) => s.id),
      reason: 'sessions_revoked',
    })
    .commit();
  deps.log.info({ userId: holder.id, sessions: sessions.length }, 'password link issued from the shell');
  const mail = await mailLink(deps, operatorResetMail(email, link.url, PASSWORD_LINK_HOURS));
  return {
    userId: holder.id,
    email,
    sessionsEnded: sessions.length,
    link: { url: link.url, expiresAt: link.expiresAt.toISOString(), mail },
  };
}
