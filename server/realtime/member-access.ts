/** What a socket's user may do with a project's document, asked when joining and re-asked on a change of membership. */
import { eq } from 'drizzle-orm';
import type { DocAccess, Role } from '../../shared/permissions.ts';
import { documentAccess, projectAccess } from '../auth/access.ts';
import { type Actor, loadActor } from '../auth/actor.ts';
import type { Db } from '../db/client.ts';
import { user } from '../db/schema/index.ts';

export async function accessTo(
  db: Db,
  projectId: string,
  actor: Actor,
): Promise<{ access: DocAccess | null; roles: Role[] }> {
  const found = await projectAccess(db, actor, projectId);
  return { access: documentAccess(actor, found), roles: found?.roles ?? [] };
}

/** The actor as the database now has it, or null once the account is gone. */
export async function refreshActor(db: Db, actor: Actor): Promise<Actor | null> {
  const [row] = await db.select().from(user).where(eq(user.id, actor.id)).limit(1);
  // The same credential, with its limits: only the roles are read afresh.
  return row ? loadActor(db, row, actor.via) : null;
}
