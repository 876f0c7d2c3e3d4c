import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema (npm run db:generate), committed, and applied
// at start by server/db/migrate.ts. Never edit a migration once it has been applied.
export default defineConfig({
  dialect: 'turso',
  schema: './server/db/schema/index.ts',
  out: './drizzle',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'file:./data/jalon.db' },
});
