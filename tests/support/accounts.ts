/**
 * An account made directly in the database, as a cluster manager or single sign-on would make
 * it (self sign-up is off by default), for tests that need someone who is not in the demo.
 */

import { and, eq } from 'drizzle-orm';
import { hashPassword } from '../../server/auth/password.ts';
import { account, projectMembers, user } from '../../server/db/schema/index.ts';
import type { TestServer } from './server.ts';

export async function createAccount(
  server: TestServer,
  input: { name: string; email: string; password: string; verified?: boolean },
): Promise<string> {
  const id = crypto.randomUUID();
  await server.deps.db
    .insert(user)
    .values({ id, name: input.name, email: input.email, emailVerified: input.verified ?? true });
  await server.deps.db.insert(account).values({
    id: crypto.randomUUID(),
    accountId: id,
    providerId: 'credential',
    userId: id,
    password: await hashPassword(input.password),
  });
  return id;
}

/** The role the account with this address holds on the project, read from the database; null if none. */
export async function roleOn(server: TestServer, projectId: string, email: string): Promise<string | null> {
  const [row] = await server.deps.db
    .select({ role: projectMembers.role })
    .from(projectMembers)
    .innerJoin(user, eq(user.id, projectMembers.userId))
    .where(and(eq(projectMembers.projectId, projectId), eq(user.email, email)));
  return row?.role ?? null;
}
