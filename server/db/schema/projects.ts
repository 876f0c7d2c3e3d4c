/** Projects, their partner organisations, their members and pending invitations. */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { now, user } from './auth.ts';
import { frameworks } from './frameworks.ts';
import { organisations } from './organisations.ts';

export const projects = sqliteTable(
  'projects',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** the track: a framework id, picked at creation */
    frameworkId: text('framework_id')
      .notNull()
      .references(() => frameworks.id),
    stage: integer('stage').notNull().default(0),
    leadOrganisationId: text('lead_organisation_id')
      .notNull()
      .references(() => organisations.id),
    listedInDirectory: integer('listed_in_directory', { mode: 'boolean' }).notNull().default(false),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
    /** parked by a Hold decision until this review date (YYYY-MM-DD); null when not on hold */
    onHoldUntil: text('on_hold_until'),
    createdBy: text('created_by').references(() => user.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(now),
  },
  (t) => [index('projects_stage_idx').on(t.stage), index('projects_framework_idx').on(t.frameworkId)],
);

/**
 * When a project last changed, by who may see the change: `readableWith` is the action of the
 * permission matrix (shared/permissions.ts) that reading it needs (`project.view` for what every
 * viewer sees, `comment.read_team` for a team comment, `members.manage` for an invitation). A
 * viewer's "Updated" is the latest of the rows their roles allow, and of the card's `updatedAt`
 * (server/projects/project-activity.ts). One row per project and audience, moved forward by each
 * change's own batch.
 */
export const projectActivity = sqliteTable(
  'project_activity',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    readableWith: text('readable_with').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.readableWith] })],
);

export const projectPartners = sqliteTable(
  'project_partners',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** one of shared/domain.ts partnerRoles */
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.organisationId] })],
);

export const projectMembers = sqliteTable(
  'project_members',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    /** lead | contributor | mentor | observer */
    role: text('role').notNull(),
    addedBy: text('added_by'),
    addedAt: integer('added_at', { mode: 'timestamp_ms' }).notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index('project_members_user_idx').on(t.userId)],
);

/**
 * An invitation by e-mail. Only the SHA-256 of the token is stored; the link is shown once to
 * the lead who created it (and mailed, once a mail server is configured).
 */
export const projectInvitations = sqliteTable(
  'project_invitations',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: text('invited_by')
      .notNull()
      .references(() => user.id),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
    acceptedBy: text('accepted_by'),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    /** the invitee said no, through the link */
    declinedAt: integer('declined_at', { mode: 'timestamp_ms' }),
    /** for a person without an account: the organisation their account joins on accepting */
    organisationId: text('organisation_id').references(() => organisations.id),
    /** a resend replaces the token (the old link stops working) and restarts the expiry */
    lastSentAt: integer('last_sent_at', { mode: 'timestamp_ms' }),
    sendCount: integer('send_count').notNull().default(1),
  },
  (t) => [index('project_invitations_project_idx').on(t.projectId)],
);
