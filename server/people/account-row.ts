/** A person's account as the people use cases check it: status, erasure, manager rights. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { clusterManagers, user } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';

export async function loadAccount(deps: { db: Db }, userId: string) {
  const [row] = await deps.db
    .select({
      id: user.id,
      deactivatedAt: user.deactivatedAt,
      erasedAt: user.erasedAt,
      manager: clusterManagers.userId,
    })
    .from(user)
    .leftJoin(clusterManagers, eq(clusterManagers.userId, user.id))
    .where(eq(user.id, userId))
    .limit(1);
  if (!row) throw new AppError('not_found', 'No such person');
  return row;
}
