/**
 * Single sign-on (server/sso/): better-auth's SSO plugin's table of identity-provider connections,
 * declared here so that drizzle-kit generates its migration (column names follow the plugin; do
 * not rename them), and Jalon's record of how each connection has been doing.
 */
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { now, user } from './auth.ts';

/**
 * One OIDC or SAML connection. `organizationId` is the Jalon organisation whose people sign in
 * through it; `domain` lists the e-mail domains it covers, comma-separated. `userId` is the
 * cluster manager who added it (kept when that account goes).
 */
export const ssoProvider = sqliteTable('sso_provider', {
  id: text('id').primaryKey(),
  issuer: text('issuer').notNull(),
  oidcConfig: text('oidc_config'),
  samlConfig: text('saml_config'),
  userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
  providerId: text('provider_id').notNull().unique(),
  organizationId: text('organization_id'),
  domain: text('domain').notNull(),
});

/** How a connection has been doing, for the cluster manager who looks after it. */
export const ssoConnectionActivity = sqliteTable('sso_connection_activity', {
  providerId: text('provider_id')
    .primaryKey()
    .references(() => ssoProvider.providerId, { onDelete: 'cascade' }),
  lastSignInAt: integer('last_sign_in_at', { mode: 'timestamp_ms' }),
  signIns: integer('sign_ins').notNull().default(0),
  lastErrorAt: integer('last_error_at', { mode: 'timestamp_ms' }),
  /** what went wrong, as the identity provider or the check said it (bounded, no secrets) */
  lastError: text('last_error'),
  errors: integer('errors').notNull().default(0),
  /** the last test a cluster manager ran from /admin, and what it found */
  lastTestedAt: integer('last_tested_at', { mode: 'timestamp_ms' }),
  lastTestResult: text('last_test_result', { mode: 'json' }),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(now),
});
