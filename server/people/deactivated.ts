/** Whether an account is deactivated: such an account has no session, token or socket. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { user } from '../db/schema/index.ts';

export async function isDeactivated(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ deactivatedAt: user.deactivatedAt })
    .from(user)
    .where(eq(user.id, userId))
    .limit(1);
  return row?.deactivatedAt != null;
}
