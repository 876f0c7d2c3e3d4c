/**
 * better-auth's database hooks that keep sessions and sockets in step:
 *
 * - every session row better-auth deletes (sign-out, revoke-session, revoke-sessions,
 *   revoke-other-sessions, a password reset that revokes sessions, an expired session found on
 *   use) becomes a `credentials.ended` event, so that the sockets it opened end at once
 *   (server/realtime/credential-sockets.ts);
 * - every new session stamps the account's last sign-in;
 * - a deactivated account gets no new session, whatever the sign-in method. The check runs after
 *   the password has been verified, so it says nothing about an address that a wrong password
 *   would not already say.
 */
import type { BetterAuthOptions } from 'better-auth';
import { APIError } from 'better-auth/api';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { user } from '../db/schema/index.ts';
import type { CredentialsEndedReason, DomainEvents } from '../events.ts';
import type { Logger } from '../log.ts';
import { isDeactivated } from '../people/deactivated.ts';

export const ACCOUNT_DEACTIVATED = 'ACCOUNT_DEACTIVATED';

/** Why better-auth deleted a session, from the endpoint that did it. */
function reasonFor(path: string | undefined): CredentialsEndedReason {
  if (path === '/sign-out') return 'signed_out';
  if (path === '/get-session') return 'expired';
  // The SCIM plugin deletes a person's sessions when no directory has them active any more,
  // which is when Jalon deactivates the account (server/sso/settle-scim-accounts.ts).
  if (path?.startsWith('/scim/')) return 'deactivated';
  return 'sessions_revoked';
}

export function credentialHooks(deps: {
  db: Db;
  events: DomainEvents;
  log: Logger;
}): NonNullable<BetterAuthOptions['databaseHooks']> {
  return {
    session: {
      create: {
        async before(session) {
          if (await isDeactivated(deps.db, session.userId))
            throw new APIError('FORBIDDEN', {
              code: ACCOUNT_DEACTIVATED,
              message: 'This account has been deactivated; ask the programme office to reactivate it',
            });
        },
        /** kept on the account so that a cluster manager can see who has not signed in for long */
        async after(session) {
          await deps.db
            .update(user)
            .set({ lastSignInAt: session.createdAt })
            .where(eq(user.id, session.userId));
        },
      },
      delete: {
        async after(session, context) {
          const reason = reasonFor(context?.path);
          deps.log.debug({ userId: session.userId, reason }, 'session ended');
          deps.events.emit('credentials.ended', { userId: session.userId, sessionIds: [session.id], reason });
        },
      },
    },
  };
}
