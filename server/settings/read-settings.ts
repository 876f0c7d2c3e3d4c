/**
 * The cluster's settings as stored, each key that was never written (or no longer reads as its
 * schema says) at its default. Reads only: the access layer and the use cases that obey a
 * setting call this, so it imports nothing that checks access.
 */
import { ClusterSettings, SETTING_DEFAULTS } from '../../shared/schemas/settings.ts';
import type { Db } from '../db/client.ts';
import { clusterSettings } from '../db/schema/index.ts';
import type { Logger } from '../log.ts';

export async function readSettings(deps: { db: Db; log: Logger }): Promise<ClusterSettings> {
  const rows = await deps.db.select().from(clusterSettings);
  const settings: Record<string, unknown> = { ...SETTING_DEFAULTS };
  const shape = ClusterSettings.shape;
  for (const row of rows) {
    if (!Object.hasOwn(shape, row.key)) continue;
    const parsed = shape[row.key as keyof ClusterSettings].safeParse(row.value);
    // A value an older or newer version wrote that this one cannot read: its default, said once.
    if (parsed.success) settings[row.key] = parsed.data;
    else deps.log.warn({ key: row.key }, 'a cluster setting does not read as expected: using its default');
  }
  // Each key was read with its own schema above, over the defaults.
  return settings as ClusterSettings;
}
