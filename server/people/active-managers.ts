/** How many cluster managers can still sign in: the cluster must always keep one. */
import { count, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { clusterManagers, user } from '../db/schema/index.ts';

export async function activeManagerCount(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(clusterManagers)
    .innerJoin(user, eq(user.id, clusterManagers.userId))
    .where(isNull(user.deactivatedAt));
  return row?.n ?? 0;
}
