/**
 * A cluster manager removes a connection. The plugin lets only the account that registered a
 * provider delete it, so Jalon writes what the plugin's delete writes, in one change: the
 * accounts linked through that provider, the provider and its activity. The people keep their
 * Jalon accounts and memberships; they can no longer sign in through it, and their address's
 * domain is open to password sign-in again (a password reset gives them one).
 */
import { eq } from 'drizzle-orm';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import { account, ssoConnectionActivity, ssoProvider } from '../db/schema/index.ts';
import { notFound } from '../errors.ts';
import { loadConnection } from './connections.ts';
import { retrust, type SsoDeps } from './sso-deps.ts';

export async function removeConnection(deps: SsoDeps, actor: Actor, providerId: string): Promise<void> {
  requireClusterAction(deps, actor, 'sso.manage');
  const row = await loadConnection(deps.db, providerId);
  if (!row) throw notFound('No such connection');
  await new ChangeSet(deps, { at: deps.clock(), actor, projectId: null })
    .write(deps.db.delete(account).where(eq(account.providerId, providerId)))
    .write(deps.db.delete(ssoConnectionActivity).where(eq(ssoConnectionActivity.providerId, providerId)))
    .guarded(
      deps.db.delete(ssoProvider).where(eq(ssoProvider.providerId, providerId)),
      'This connection was removed meanwhile',
    )
    .audit({
      entity: 'sso_connection',
      entityId: providerId,
      action: 'delete',
      before: {
        protocol: row.protocol,
        organisationId: row.organisationId,
        domains: row.domains,
        issuer: row.issuer,
      },
    })
    .commit();
  await retrust(deps);
  deps.log.info({ providerId, by: actor.id }, 'SSO connection removed');
}
