/**
 * `npm run admin -- list-managers`: the active cluster managers, with when they last signed in
 * as far as the sessions still held say (a session ends at sign-out, so "none" may also mean
 * they signed out).
 */
import { asc, eq, isNull, max } from 'drizzle-orm';
import { clusterManagers, session, user } from '../db/schema/index.ts';
import type { OperatorDeps } from './operator-deps.ts';

export interface ManagerRow {
  email: string;
  name: string;
  grantedAt: string;
  /** the latest session still held, if any */
  lastSignIn: string | null;
}

export async function listManagers(deps: Pick<OperatorDeps, 'db'>): Promise<ManagerRow[]> {
  const rows = await deps.db
    .select({
      email: user.email,
      name: user.name,
      grantedAt: clusterManagers.grantedAt,
      lastSignIn: max(session.createdAt),
    })
    .from(clusterManagers)
    .innerJoin(user, eq(user.id, clusterManagers.userId))
    .leftJoin(session, eq(session.userId, user.id))
    .where(isNull(user.deactivatedAt))
    .groupBy(user.id)
    .orderBy(asc(user.email));
  return rows.map((r) => ({
    email: r.email,
    name: r.name,
    grantedAt: r.grantedAt.toISOString(),
    lastSignIn: r.lastSignIn ? new Date(r.lastSignIn).toISOString() : null,
  }));
}
