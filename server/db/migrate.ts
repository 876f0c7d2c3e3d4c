/** Applies the committed drizzle-kit migrations in drizzle/ (idempotent). */
import { migrate } from 'drizzle-orm/libsql/migrator';
import { fromRoot } from '../runtime-files.ts';
import type { Db } from './client.ts';

export const migrationsFolder = fromRoot('drizzle');

export async function applyMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
}
