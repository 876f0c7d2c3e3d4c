/**
 * "Sign out everywhere": ends the user's sessions through better-auth and, when the user asks,
 * every API token too, so that one decision cuts off whatever a thief may hold.
 */
import { and, eq, gt } from 'drizzle-orm';
import type { RevokedCredentials } from '../../shared/tokens.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import type { Auth } from '../auth/auth.ts';
import { session } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { revokeAllApiTokens } from './api-tokens.ts';

export async function revokeSessions(
  deps: ServiceDeps & { auth: Auth },
  actor: Actor,
  headers: Headers,
  choice: { keepCurrent: boolean; tokens: boolean },
): Promise<RevokedCredentials> {
  requireClusterAction(deps, actor, 'session.revoke');
  const current = actor.via?.kind === 'session' ? actor.via.id : null;
  const live = await deps.db
    .select({ id: session.id })
    .from(session)
    .where(and(eq(session.userId, actor.id), gt(session.expiresAt, deps.clock())));
  const ended = live.map((s) => s.id).filter((id) => !choice.keepCurrent || id !== current);
  // better-auth's own server API, with this request's cookie: it deletes the rows it owns, and
  // its delete hook (auth/credential-hooks.ts) ends the sockets each of them opened.
  if (choice.keepCurrent) await deps.auth.api.revokeOtherSessions({ headers });
  else await deps.auth.api.revokeSessions({ headers });
  const tokens = choice.tokens ? await revokeAllApiTokens(deps, actor.id) : 0;
  return { sessions: ended.length, tokens };
}
