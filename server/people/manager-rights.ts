/**
 * A cluster manager grants or withdraws the programme office's rights. Audited on the person's
 * account (`user`, field `cluster_manager`), like deactivation. The change takes effect at once:
 * every later request reads the rights afresh (server/auth/actor.ts), and the person's open
 * sockets hear `cluster_role.changed`, which re-checks each document they have open and the
 * rooms they listen to (server/realtime/cluster-role.ts).
 *
 * The last active manager cannot go: the withdrawal is guarded in the same batch by a count of
 * the other active managers, so two managers withdrawing each other at once cannot both win.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { ManagerRights } from '../../shared/schemas/people.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import { clusterManagers } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { loadAccount } from './account-row.ts';
import { activeManagerCount } from './active-managers.ts';
import { checkKeepsAManagerAfterWithdrawal, checkMayBecomeManager } from './people.rules.ts';

const LAST_MANAGER =
  'This is the last cluster manager: make someone else a cluster manager before withdrawing these rights';

export async function setManagerRights(
  deps: ServiceDeps,
  actor: Actor,
  userId: string,
  clusterManager: boolean,
): Promise<ManagerRights> {
  requireClusterAction(deps, actor, 'people.grant_manager');
  const { db } = deps;
  const target = await loadAccount(deps, userId);
  const isManager = target.manager !== null;
  if (isManager === clusterManager) return { id: userId, clusterManager };

  const now = deps.clock();
  const changes = new ChangeSet(deps, { at: now, actor, projectId: null });
  if (clusterManager) {
    checkMayBecomeManager(target);
    changes.guarded(
      db
        .insert(clusterManagers)
        .values({ userId, grantedAt: now, grantedBy: actor.id })
        .onConflictDoNothing(),
      'This person was made a cluster manager meanwhile',
    );
  } else {
    checkKeepsAManagerAfterWithdrawal(await activeManagerCount(db), target.deactivatedAt === null);
    changes.guarded(
      db.delete(clusterManagers).where(
        and(
          eq(clusterManagers.userId, userId),
          // an active manager stays, counted in the batch itself
          sql`(EXISTS (SELECT 1 FROM "user" WHERE id = ${userId} AND deactivated_at IS NOT NULL)
                 OR EXISTS (SELECT 1 FROM cluster_managers cm JOIN "user" u ON u.id = cm.user_id
                             WHERE u.deactivated_at IS NULL AND cm.user_id <> ${userId}))`,
        ),
      ),
      LAST_MANAGER,
    );
  }
  await changes
    .audit({
      entity: 'user',
      entityId: userId,
      action: 'update',
      field: 'cluster_manager',
      before: isManager,
      after: clusterManager,
    })
    .emit('cluster_role.changed', { userId })
    .commit();
  deps.log.info({ userId, by: actor.id, clusterManager }, 'cluster-manager rights changed');
  return { id: userId, clusterManager };
}
