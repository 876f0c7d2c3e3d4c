/**
 * How a SCIM User from an organisation's directory meets a Jalon account (the plugin's
 * `identity.resolveUser`). An address with no account gets one, created by the plugin, which
 * Jalon then places in the organisation (server/sso/settle-scim-accounts.ts), with no project
 * rights. An address that already has an account is linked only when that account is a member
 * of this very organisation and its address was proven (an invitation, a verified mail, a sign-in
 * through the organisation's provider): a directory may not claim someone of another organisation
 * by typing their address. Anything else is answered "create", which the plugin refuses with a
 * SCIM uniqueness conflict because the address is taken: nothing is written.
 *
 * A linked account keeps its own name and address ("preserve"): the directory can deactivate it,
 * not rename it or move it to another address.
 */
import type { SCIMIdentityResolution, SCIMIdentityResolutionInput } from '@better-auth/scim';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { organisationMembers, user } from '../db/schema/index.ts';

export async function resolveScimUser(
  db: Db,
  input: SCIMIdentityResolutionInput,
): Promise<SCIMIdentityResolution> {
  const [existing] = await db
    .select({ id: user.id, emailVerified: user.emailVerified, member: organisationMembers.userId })
    .from(user)
    .leftJoin(
      organisationMembers,
      and(
        eq(organisationMembers.userId, user.id),
        eq(organisationMembers.organisationId, input.provisioningDomainId),
      ),
    )
    .where(eq(sql`lower(${user.email})`, input.resource.primaryEmail.toLowerCase()))
    .limit(1);
  if (existing?.member && existing.emailVerified)
    return { action: 'link', userId: existing.id, profile: 'preserve' };
  return { action: 'create' };
}
