/**
 * Who a single sign-on is: the plugin asks `resolveUser` inside its sign-in transaction, and
 * calls `provisionUser` once the session exists.
 *
 * - The address must be in one of the connection's domains: an identity provider speaks for its
 *   own organisation's addresses only, never another's.
 * - An OIDC provider that says the address is not verified is refused.
 * - An account that already has the address is linked (its domain is covered, checked above)
 *   when its address was proven or it is already one of the organisation's people; otherwise
 *   the plugin creates one.
 * - A person who belongs to no organisation becomes a member of the connection's: that grants
 *   nothing on any project (DESIGN §1); invitations do.
 * - A deactivated account gets no session (server/auth/credential-hooks.ts refuses it).
 */
import type { SSOOptions } from '@better-auth/sso';
import { and, eq } from 'drizzle-orm';
import { ChangeSet } from '../change-set.ts';
import type { Db } from '../db/client.ts';
import { organisationMembers, organisations } from '../db/schema/index.ts';
import type { DomainEvents } from '../events.ts';
import type { Logger } from '../log.ts';
import { coversAddress, parseDomains } from './domains.rules.ts';
import { recordSignIn } from './sso-activity.ts';

export interface SsoUserDeps {
  db: Db;
  log: Logger;
  clock: () => Date;
  events: DomainEvents;
}

/** The codes the sign-in page turns into plain words (client/features/auth/sign-in-error.ts). */
export const SSO_REFUSALS = {
  domain: 'SSO_ADDRESS_NOT_COVERED',
  unverified: 'SSO_EMAIL_NOT_VERIFIED',
  unbound: 'SSO_CONNECTION_INCOMPLETE',
  notLinkable: 'SSO_ACCOUNT_NOT_LINKABLE',
} as const;

type ResolveUser = NonNullable<SSOOptions['resolveUser']>;
type ProvisionUser = NonNullable<SSOOptions['provisionUser']>;

export function resolveSsoUser(deps: Pick<SsoUserDeps, 'db'>): ResolveUser {
  return async (input, { database }) => {
    const provider = await database.findOne<{ domain: string; organizationId: string | null }>({
      model: 'ssoProvider',
      where: [{ field: 'providerId', value: input.providerId }],
    });
    if (!provider?.organizationId)
      return {
        action: 'reject',
        code: SSO_REFUSALS.unbound,
        message: 'This sign-in connection is not attached to an organisation',
      };
    const email = input.providerUser.email.trim().toLowerCase();
    if (!coversAddress(parseDomains(provider.domain), email))
      return {
        action: 'reject',
        code: SSO_REFUSALS.domain,
        message: 'The identity provider vouched for an address outside its organisation’s domains',
      };
    if (input.protocol === 'oidc' && input.verifiedIdTokenClaims.email_verified === false)
      return {
        action: 'reject',
        code: SSO_REFUSALS.unverified,
        message: 'The identity provider says this address is not verified',
      };
    const existing = await database.findOne<{ id: string; emailVerified: boolean }>({
      model: 'user',
      where: [{ field: 'email', value: email }],
    });
    if (!existing) return { action: 'continue' };
    // An address nobody proved (an account another organisation's directory created, then
    // renamed) is not handed to this identity provider, unless the account is already one of
    // its organisation's people.
    if (!existing.emailVerified && !(await isMemberOf(deps.db, existing.id, provider.organizationId)))
      return {
        action: 'reject',
        code: SSO_REFUSALS.notLinkable,
        message: 'An account with this address exists that this organisation’s sign-in may not take over',
      };
    return { action: 'link', userId: existing.id, profile: 'preserve' };
  };
}

async function isMemberOf(db: Db, userId: string, organisationId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: organisationMembers.userId })
    .from(organisationMembers)
    .where(
      and(eq(organisationMembers.userId, userId), eq(organisationMembers.organisationId, organisationId)),
    )
    .limit(1);
  return rows.length > 0;
}

export function provisionSsoUser(deps: SsoUserDeps): ProvisionUser {
  return async ({ user, provider }) => {
    const now = deps.clock();
    await recordSignIn(deps.db, provider.providerId, now);
    const organisationId = provider.organizationId;
    if (!organisationId) return;
    const memberships = await deps.db
      .select({ organisationId: organisationMembers.organisationId })
      .from(organisationMembers)
      .where(eq(organisationMembers.userId, user.id))
      .limit(1);
    if (memberships.length > 0) return;
    const [org] = await deps.db
      .select({ deactivatedAt: organisations.deactivatedAt })
      .from(organisations)
      .where(eq(organisations.id, organisationId));
    if (!org || org.deactivatedAt) return;
    await new ChangeSet(deps, { at: now, actor: { id: user.id, organisationId }, projectId: null })
      .write(
        deps.db
          .insert(organisationMembers)
          .values({ organisationId, userId: user.id, createdAt: now })
          .onConflictDoNothing(),
      )
      .audit({
        entity: 'organisation_member',
        entityId: `${organisationId}:${user.id}`,
        action: 'create',
        after: { via: 'single sign-on', connection: provider.providerId },
      })
      .commit();
    deps.log.info(
      { userId: user.id, organisationId, providerId: provider.providerId },
      'member by single sign-on',
    );
  };
}
