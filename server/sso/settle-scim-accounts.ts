/**
 * What Jalon does once a SCIM request has committed (scim-outcomes.ts says why it comes after):
 *
 * - a person no organisation's directory has active any more (set `active: false`, or deleted)
 *   is deactivated through the managers' path (server/people/deactivate-account.ts `endAccount`):
 *   sessions, API tokens and sockets end at once, and they cannot sign in again. The audit entry
 *   names no person: its organisation is the one whose provider spoke, and its reason says SCIM.
 * - a person the directory has active is a member of that organisation; an account the
 *   directory created joins it here (with no project rights: those come from invitations only).
 *
 * `active: true` after a deactivation does not reactivate the account: that stays a cluster
 * manager's decision (docs/sso.md, "Automatic removal", says why).
 *
 * Each outcome is checked against the committed rows, so a request the plugin rolled back
 * changes nothing here.
 */
import { and, eq } from 'drizzle-orm';
import { commitAudited } from '../audit/audited-commit.ts';
import { organisationMembers, organisations, scimSubject, scimUser, user } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { endAccount } from '../people/deactivate-account.ts';
import type { ScimOutcome } from './scim-outcomes.ts';

type SettleDeps = Pick<ServiceDeps, 'db' | 'log' | 'clock' | 'events'>;

export const SCIM_DEACTIVATION_REASON =
  'SCIM: the organisation’s identity provider deactivated or removed this person';
const SCIM_MEMBERSHIP_REASON = 'SCIM: provisioned by the organisation’s identity provider';

export async function settleScimAccounts(deps: SettleDeps, outcomes: readonly ScimOutcome[]): Promise<void> {
  for (const outcome of outcomes) {
    try {
      await settle(deps, outcome);
    } catch (err) {
      // The last cluster manager is never deactivated, whoever asks; the directory keeps its
      // own state and the programme office sees the account still active.
      if (err instanceof AppError && err.code === 'conflict')
        deps.log.warn({ userId: outcome.userId, err: err.message }, 'SCIM deactivation refused');
      else deps.log.error({ err, userId: outcome.userId }, 'could not settle a SCIM change');
    }
  }
}

async function settle(deps: SettleDeps, outcome: ScimOutcome): Promise<void> {
  const [account] = await deps.db
    .select({ deactivatedAt: user.deactivatedAt, subject: scimSubject.id })
    .from(user)
    .leftJoin(scimSubject, eq(scimSubject.userId, user.id))
    .where(eq(user.id, outcome.userId))
    .limit(1);
  // No account, or never linked by a committed SCIM change (a link that rolled back).
  if (!account?.subject) return;
  const sources = await deps.db
    .select({ organisationId: scimUser.provisioningDomainId, active: scimUser.active })
    .from(scimUser)
    .where(eq(scimUser.userId, outcome.userId));
  if (!sources.some((s) => s.active)) {
    if (account.deactivatedAt) return;
    await endAccount(
      deps,
      { actor: null, reason: SCIM_DEACTIVATION_REASON, onBehalfOf: outcome.organisationId },
      outcome.userId,
    );
    return;
  }
  if (sources.some((s) => s.active && s.organisationId === outcome.organisationId))
    await joinOrganisation(deps, outcome.userId, outcome.organisationId);
}

async function joinOrganisation(deps: SettleDeps, userId: string, organisationId: string): Promise<void> {
  const [org] = await deps.db
    .select({ id: organisations.id, member: organisationMembers.userId })
    .from(organisations)
    .leftJoin(
      organisationMembers,
      and(eq(organisationMembers.organisationId, organisations.id), eq(organisationMembers.userId, userId)),
    )
    .where(eq(organisations.id, organisationId))
    .limit(1);
  if (!org || org.member) return;
  const now = deps.clock();
  await commitAudited(
    deps.db,
    [
      deps.db
        .insert(organisationMembers)
        .values({ organisationId, userId, createdAt: now })
        .onConflictDoNothing(),
    ],
    [
      {
        at: now,
        actorId: null,
        actorOrganisationId: organisationId,
        projectId: null,
        entity: 'organisation_member',
        entityId: `${organisationId}:${userId}`,
        action: 'create',
        field: null,
        before: null,
        after: null,
        reason: SCIM_MEMBERSHIP_REASON,
      },
    ],
  );
  deps.log.info({ userId, organisationId }, 'SCIM account joined its organisation');
}
