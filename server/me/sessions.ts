/**
 * One's signed-in browsers: list them, and sign one out. Sign-out goes through better-auth's own
 * server API, so that its delete hook (auth/credential-hooks.ts) ends the sockets the session
 * opened. The session's secret token never leaves the server: the page names sessions by id.
 */
import { and, desc, eq, gt } from 'drizzle-orm';
import type { SessionView } from '../../shared/schemas/me.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import type { Auth } from '../auth/auth.ts';
import type { Db } from '../db/client.ts';
import { session } from '../db/schema/index.ts';
import { commit } from '../db/writer.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';

/** a session's last use is written at most this often, so that requests do not each write */
export const SESSION_USE_PRECISION_MS = 60_000;

const currentSessionId = (actor: Actor) => (actor.via?.kind === 'session' ? actor.via.id : null);

export async function listSessions(deps: ServiceDeps, actor: Actor): Promise<SessionView[]> {
  const rows = await deps.db
    .select()
    .from(session)
    .where(and(eq(session.userId, actor.id), gt(session.expiresAt, deps.clock())))
    .orderBy(desc(session.updatedAt));
  const current = currentSessionId(actor);
  return rows.map((s) => ({
    id: s.id,
    userAgent: s.userAgent,
    signedInAt: s.createdAt.toISOString(),
    lastUsedAt: s.updatedAt.toISOString(),
    current: s.id === current,
  }));
}

/** Signs out one of the actor's own sessions; another user's session is `not_found`. */
export async function signOutSession(
  deps: ServiceDeps & { auth: Auth },
  actor: Actor,
  headers: Headers,
  sessionId: string,
): Promise<void> {
  requireClusterAction(deps, actor, 'session.revoke');
  const [found] = await deps.db
    .select({ token: session.token })
    .from(session)
    .where(and(eq(session.id, sessionId), eq(session.userId, actor.id)))
    .limit(1);
  if (!found) throw new AppError('not_found', 'No such session');
  await deps.auth.api.revokeSession({ headers, body: { token: found.token } });
}

/**
 * Records that a session was used now, at most once a minute. better-auth refreshes a session
 * from its expiry, not from `updatedAt`, so this column can say when it was last used.
 */
export async function recordSessionUse(
  db: Db,
  used: { id: string; updatedAt: Date },
  now: Date,
): Promise<void> {
  if (now.getTime() - new Date(used.updatedAt).getTime() < SESSION_USE_PRECISION_MS) return;
  await commit(db, [db.update(session).set({ updatedAt: now }).where(eq(session.id, used.id))]);
}
