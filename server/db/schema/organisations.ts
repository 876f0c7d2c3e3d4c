/** Organisations of the cluster, who belongs to them, and who runs the programme office. */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { now, user } from './auth.ts';

export const organisations = sqliteTable('organisations', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** one of shared/domain.ts organisationKinds */
  kind: text('kind').notNull(),
  founder: integer('founder', { mode: 'boolean' }).notNull().default(false),
  parentId: text('parent_id'),
  descriptionEn: text('description_en').notNull().default(''),
  descriptionFr: text('description_fr').notNull().default(''),
  /** JSON array of focus-area keys */
  focusAreas: text('focus_areas', { mode: 'json' }).$type<string[]>().notNull().default([]),
  /** its own public site, an http(s) URL */
  website: text('website'),
  /**
   * set when a cluster manager deactivates it: hidden from the directory and the partner pickers
   * (server/organisations/deactivate-organisation.ts says what else it means)
   */
  deactivatedAt: integer('deactivated_at', { mode: 'timestamp_ms' }),
  /** bumped by every edit, so that an edit made on a stale form is refused rather than lost */
  version: integer('version').notNull().default(1),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
});

export const organisationMembers = sqliteTable(
  'organisation_members',
  {
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    title: text('title'),
    /** they agreed to be listed as a contact of the organisation in the directory */
    listedAsContact: integer('listed_as_contact', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index('org_members_user_idx').on(t.userId)],
);

/** The programme office: these users see every project and run the gates. */
export const clusterManagers = sqliteTable('cluster_managers', {
  userId: text('user_id')
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  grantedAt: integer('granted_at', { mode: 'timestamp_ms' }).notNull().default(now),
  grantedBy: text('granted_by'),
});
