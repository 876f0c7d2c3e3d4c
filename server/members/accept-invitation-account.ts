/**
 * Accepting an invitation by creating the account: the link was mailed to the address, so
 * holding it proves the address and the account is created verified, and joins the organisation
 * the inviter chose (if still active). With SIGNUP=invite this is how a newcomer gets in.
 *
 * An account that exists but never proved its address is only a claim on it (someone may have
 * registered a colleague's address first): the invitation's holder takes it over, with their
 * own name and password, and every session and API token of the claimant ends. An account that did prove
 * its address must sign in to accept instead.
 */
import { and, eq } from 'drizzle-orm';
import { checkDisplayName } from '../auth/display-name.ts';
import { hashPassword } from '../auth/password.ts';
import { passwordMessages, passwordProblem } from '../auth/password-policy.ts';
import { account, apiTokens, session, user } from '../db/schema/index.ts';
import type { Statement } from '../db/writer.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { joinByInvitation, openInvitation, organisationJoinedOnAccepting } from './invitations.ts';

export async function acceptInvitationWithAccount(
  deps: ServiceDeps,
  token: string,
  input: { name: string; password: string },
): Promise<{ projectId: string; email: string }> {
  const { db } = deps;
  const { inv } = await openInvitation(deps, token);
  const [claimant] = await db.select().from(user).where(eq(user.email, inv.email)).limit(1);
  if (claimant?.emailVerified)
    throw new AppError('conflict', `${inv.email} already has an account; sign in to accept the invitation`);

  const problem = passwordProblem(input.password, inv.email);
  if (problem)
    throw new AppError('invalid_input', passwordMessages[problem], [
      { path: 'password', message: passwordMessages[problem] },
    ]);
  const name = await checkDisplayName(db, input.name, {
    userId: claimant?.id,
    joiningProjectId: inv.projectId,
  }).catch((err: AppError) => {
    throw new AppError(err.code, err.message, [{ path: 'name', message: err.message }]);
  });

  const now = deps.clock();
  const hash = await hashPassword(input.password);
  const userId = claimant?.id ?? crypto.randomUUID();
  let statements: Statement[];
  if (claimant) {
    const [credential] = await db
      .select({ id: account.id })
      .from(account)
      .where(and(eq(account.userId, userId), eq(account.providerId, 'credential')))
      .limit(1);
    statements = [
      db.update(user).set({ name, emailVerified: true, updatedAt: now }).where(eq(user.id, userId)),
      credential
        ? db.update(account).set({ password: hash, updatedAt: now }).where(eq(account.id, credential.id))
        : credentialRow(deps, userId, hash, now),
      db.delete(session).where(eq(session.userId, userId)),
      db.delete(apiTokens).where(eq(apiTokens.userId, userId)),
    ];
  } else {
    statements = [
      db
        .insert(user)
        .values({ id: userId, name, email: inv.email, emailVerified: true, createdAt: now, updatedAt: now }),
      credentialRow(deps, userId, hash, now),
    ];
  }
  // The organisation the inviter chose joins the same batch: the account and its membership
  // exist together or not at all.
  statements.push(...(await organisationJoinedOnAccepting(deps, inv, userId)));
  await joinByInvitation(deps, inv, { id: userId, name, organisationId: null }, statements);
  if (claimant) deps.events.emit('credentials.ended', { userId, all: true, reason: 'sessions_revoked' });
  return { projectId: inv.projectId, email: inv.email };
}

function credentialRow(deps: ServiceDeps, userId: string, hash: string, now: Date): Statement {
  return deps.db.insert(account).values({
    id: crypto.randomUUID(),
    accountId: userId,
    providerId: 'credential',
    userId,
    password: hash,
    createdAt: now,
    updatedAt: now,
  });
}
