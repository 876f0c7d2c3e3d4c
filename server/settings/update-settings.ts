/** A cluster manager changes the cluster's settings; each changed key is written and audited. */
import { sql } from 'drizzle-orm';
import type { ClusterSettings, UpdateSettingsBody } from '../../shared/schemas/settings.ts';
import { requireClusterAction } from '../auth/access.ts';
import type { Actor } from '../auth/actor.ts';
import { ChangeSet } from '../change-set.ts';
import { clusterSettings } from '../db/schema/index.ts';
import type { ServiceDeps } from '../deps.ts';
import { readSettings } from './read-settings.ts';

export async function updateSettings(
  deps: ServiceDeps,
  actor: Actor,
  input: UpdateSettingsBody,
): Promise<ClusterSettings> {
  requireClusterAction(deps, actor, 'settings.manage');
  const before = await readSettings(deps);
  const now = deps.clock();
  const changes = new ChangeSet(deps, { at: now, actor, projectId: null });
  let changed = false;
  for (const key of Object.keys(input) as (keyof ClusterSettings)[]) {
    const value = input[key];
    if (value === undefined || value === before[key]) continue;
    changed = true;
    changes
      .write(
        deps.db
          .insert(clusterSettings)
          .values({ key, value, updatedBy: actor.id, updatedAt: now })
          .onConflictDoUpdate({
            target: clusterSettings.key,
            set: { value: sql`excluded.value`, updatedBy: actor.id, updatedAt: now },
          }),
      )
      .audit({
        entity: 'cluster_setting',
        entityId: key,
        action: 'update',
        field: key,
        before: before[key],
        after: value,
      });
  }
  if (changed) await changes.commit();
  deps.log.info({ userId: actor.id, changed }, 'cluster settings updated');
  return { ...before, ...input } as ClusterSettings;
}
