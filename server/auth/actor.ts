/** Who is calling: the signed-in user, with what the permission check needs to know. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { clusterManagers, organisationMembers } from '../db/schema/index.ts';

/**
 * What authenticated this request or socket: the better-auth session, or an API token with its
 * limits. Revocation and expiry end exactly the sockets that a credential opened.
 */
export type Credential =
  | { kind: 'session'; id: string; expiresAt: Date }
  | { kind: 'token'; id: string; expiresAt: Date; scope: 'read' | 'write'; projectId: string | null };

export interface Actor {
  id: string;
  name: string;
  email: string;
  clusterManager: boolean;
  /** the organisation recorded with this actor's audit entries (their first one) */
  organisationId: string | null;
  /** how this actor authenticated; absent for actors the server makes itself (seed, jobs) */
  via?: Credential;
  /** an authenticator app confirms their sign-ins (two-factor-requirement.ts); absent: unknown, off */
  twoFactorEnabled?: boolean;
}

export async function loadActor(
  db: Db,
  user: { id: string; name: string; email: string; twoFactorEnabled?: boolean | null },
  via?: Credential,
): Promise<Actor> {
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
    ...(via ? { via } : {}),
    twoFactorEnabled: user.twoFactorEnabled === true,
  };
}
