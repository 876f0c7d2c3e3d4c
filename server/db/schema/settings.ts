/** Cluster-wide settings a cluster manager changes on screen (shared/schemas/settings.ts names them). */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { now } from './auth.ts';

export const clusterSettings = sqliteTable('cluster_settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedBy: text('updated_by'),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(now),
});
