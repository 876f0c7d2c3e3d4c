/** Who is calling: the signed-in user, with what the permission check needs to know. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { clusterManagers, organisationMembers } from '../db/schema/index.ts';

export interface Actor {
  id: string;
  name: string;
  email: string;
  clusterManager: boolean;
  /** the organisation recorded with this actor's audit entries (their first one) */
  organisationId: string | null;
}

export async function loadActor(db: Db, user: { id: string; name: string; email: string }): Promise<Actor> {
  const [manager, orgs] = await Promise.all([
    db.select().from(clusterManagers).where(eq(clusterManagers.userId, user.id)).limit(1),
    db
      .select({ organisationId: organisationMembers.organisationId })
      .from(organisationMembers)
      .where(eq(organisationMembers.userId, user.id))
      .orderBy(organisationMembers.createdAt)
      .limit(1),
  ]);
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    clusterManager: manager.length > 0,
    organisationId: orgs[0]?.organisationId ?? null,
  };
}
