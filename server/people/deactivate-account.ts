/**
 * A cluster manager deactivates an account (someone who left the cluster), or reactivates it.
 * Deactivation ends everything the account holds at once: its sessions are deleted, its API
 * tokens revoked, and its open sockets end (`credentials.ended` with `all`). While deactivated
 * it cannot sign in (server/auth/credential-hooks.ts), and no cookie or token of it is accepted.
 * Reactivation lets it sign in again; the tokens stay revoked.
 *
 * The operator's shell deactivates through `endAccount` too (server/operator/), as the system
 * and with the command as the audit entry's reason: the same rule, the same writes. So does an
 * organisation's identity provider over SCIM (server/sso/settle-scim-accounts.ts).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { AccountStatus } from '../../shared/schemas/people.ts';
import { commitAudited } from '../audit/audited-commit.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { apiTokens, session, user } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadAccount } from './account-row.ts';
import { activeManagerCount } from './active-managers.ts';
import { checkKeepsAManager, checkReactivable } from './people.rules.ts';

/**
 * Who ends an account: a cluster manager, or no person (null): the operator's shell, or an
 * organisation's identity provider over SCIM, which names that organisation (`onBehalfOf`) and
 * says so in the reason.
 */
export interface AccountChangeBy {
  actor: Pick<Actor, 'id' | 'organisationId'> | null;
  reason: string | null;
  onBehalfOf?: string;
}

type AccountDeps = Pick<ServiceDeps, 'db' | 'log' | 'clock' | 'events'>;

export async function deactivateAccount(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
): Promise<AccountStatus> {
  requireClusterAction(deps, actor, 'people.deactivate');
  return endAccount(deps, { actor, reason: null }, userId);
}

/** Deactivation itself, once the caller may do it; refuses the last active cluster manager. */
export async function endAccount(
  deps: AccountDeps,
  by: AccountChangeBy,
  userId: string,
): Promise<AccountStatus> {
  const target = await loadAccount(deps, userId);
  if (target.deactivatedAt) return statusOf(target);
  checkKeepsAManager(await activeManagerCount(deps.db), target.manager !== null);
  const now = deps.clock();
  await commitAudited(
    deps.db,
    [
      deps.db.update(user).set({ deactivatedAt: now, updatedAt: now }).where(eq(user.id, userId)),
      deps.db.delete(session).where(eq(session.userId, userId)),
      deps.db
        .update(apiTokens)
        .set({ revokedAt: now })
        .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt))),
    ],
    [audited(by, userId, now, null, now.toISOString())],
  );
  deps.events.emit('credentials.ended', { userId, all: true, reason: 'deactivated' });
  deps.log.info({ userId, by: by.actor?.id ?? 'system', reason: by.reason }, 'account deactivated');
  return { id: userId, deactivatedAt: now.toISOString(), erasedAt: null };
}

export async function reactivateAccount(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
): Promise<AccountStatus> {
  requireClusterAction(deps, actor, 'people.deactivate');
  const target = await loadAccount(deps, userId);
  if (!target.deactivatedAt) return statusOf(target);
  checkReactivable(target);
  const now = deps.clock();
  await commitAudited(
    deps.db,
    [deps.db.update(user).set({ deactivatedAt: null, updatedAt: now }).where(eq(user.id, userId))],
    [audited({ actor, reason: null }, userId, now, target.deactivatedAt.toISOString(), null)],
  );
  deps.log.info({ userId, by: actor.id }, 'account reactivated');
  return { id: userId, deactivatedAt: null, erasedAt: null };
}

function statusOf(row: { id: string; deactivatedAt: Date | null; erasedAt: Date | null }): AccountStatus {
  return {
    id: row.id,
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
    erasedAt: row.erasedAt?.toISOString() ?? null,
  };
}

function audited(by: AccountChangeBy, userId: string, at: Date, before: string | null, after: string | null) {
  return {
    at,
    actorId: by.actor?.id ?? null,
    actorOrganisationId: by.actor?.organisationId ?? by.onBehalfOf ?? null,
    projectId: null,
    entity: 'user',
    entityId: userId,
    action: 'update',
    field: 'deactivated_at',
    before,
    after,
    reason: by.reason,
  };
}
