/**
 * A cluster manager erases a person's identifying data on their request (GDPR Art. 17): name,
 * e-mail address, image, profile text, credentials, the addresses of invitations sent to them,
 * and their name where notifications copied it. Only for a deactivated account, and for good.
 *
 * The account's row stays, with its id: the audit trail names people by that id only (its
 * hashed fields hold no name or address), so every entry still verifies and still says "this
 * same person" did it; the name readers find for the id is now ERASED_PERSON_NAME. What people
 * typed (comments, rationales, replies) is content and stays as written (docs/audit.md).
 */
import { and, eq, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { AccountStatus } from '../../shared/schemas/people.ts';
import { ERASED_PERSON_NAME, erasedEmail } from '../../shared/schemas/people.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import {
  account,
  apiTokens,
  mentorProfiles,
  notifications,
  organisationMembers,
  projectInvitations,
  projectMembers,
  session,
  user,
  verification,
} from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { checkErasable } from './people.rules.ts';

export async function erasePerson(deps: ServiceDeps, actor: Actor, userId: string): Promise<AccountStatus> {
  requireClusterAction(deps, actor, 'people.erase');
  const { db } = deps;
  const [target] = await db
    .select({ id: user.id, email: user.email, deactivatedAt: user.deactivatedAt, erasedAt: user.erasedAt })
    .from(user)
    .where(eq(user.id, userId))
    .limit(1);
  if (!target) throw new AppError('not_found', 'No such person');
  if (target.erasedAt)
    return {
      id: userId,
      deactivatedAt: target.deactivatedAt?.toISOString() ?? null,
      erasedAt: target.erasedAt.toISOString(),
    };
  checkErasable(target);
  const now = deps.clock();
  const address = target.email.toLowerCase();
  const changes = new ChangeSet(deps, { at: now, actor, projectId: null });
  // the teams that show the name hear of the change, and read the erased one
  const projectsOf = await db
    .select({ projectId: projectMembers.projectId })
    .from(projectMembers)
    .where(eq(projectMembers.userId, userId));
  for (const { projectId } of projectsOf) changes.emit('membership.changed', { projectId, userId });
  await changes
    .guarded(
      db
        .update(user)
        .set({
          name: ERASED_PERSON_NAME,
          email: erasedEmail(userId),
          emailVerified: false,
          image: null,
          locale: null,
          erasedAt: now,
          updatedAt: now,
        })
        .where(and(eq(user.id, userId), isNotNull(user.deactivatedAt), isNull(user.erasedAt))),
      'This account was reactivated or erased meanwhile: nothing was erased',
    )
    .write(
      db.delete(account).where(eq(account.userId, userId)),
      db.delete(session).where(eq(session.userId, userId)),
      db.delete(apiTokens).where(eq(apiTokens.userId, userId)),
      // password resets and address checks name the account by id or by address
      db
        .delete(verification)
        .where(
          or(
            sql`instr(${verification.value}, ${userId}) > 0`,
            sql`instr(${verification.identifier}, ${address}) > 0`,
          ),
        ),
      db.delete(mentorProfiles).where(eq(mentorProfiles.userId, userId)),
      db
        .update(organisationMembers)
        .set({ title: null, listedAsContact: false })
        .where(eq(organisationMembers.userId, userId)),
      db
        .update(projectInvitations)
        .set({ email: erasedEmail(userId) })
        .where(
          or(sql`lower(${projectInvitations.email}) = ${address}`, eq(projectInvitations.acceptedBy, userId)),
        ),
      db.delete(notifications).where(eq(notifications.userId, userId)),
      {
        sql: `UPDATE notifications SET payload = json_set(payload, '$.actor.name', ?)
                WHERE json_extract(payload, '$.actor.id') = ?`,
        args: [ERASED_PERSON_NAME, userId],
      },
    )
    .audit({ entity: 'user', entityId: userId, action: 'erase' })
    .commit();
  deps.log.info({ userId, by: actor.id }, 'personal data erased');
  return {
    id: userId,
    deactivatedAt: target.deactivatedAt?.toISOString() ?? null,
    erasedAt: now.toISOString(),
  };
}
