/** API tokens for clients that are not browsers (`auth: { token }` on the socket). Only hashes are stored. */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { now, user } from './auth.ts';
import { projects } from './projects.ts';

export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** the first characters, to recognise a token in a list */
    prefix: text('prefix').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    /** a token is refused from this time on (at most a year after creation) */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    /** 'read': GET requests and viewing documents only; 'write': what its owner may do */
    scope: text('scope', { enum: ['read', 'write'] })
      .notNull()
      .default('write'),
    /** when set, the token reaches this project only */
    projectId: text('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);
