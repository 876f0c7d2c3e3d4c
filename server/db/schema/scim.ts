/**
 * SCIM 2.0 provisioning (server/sso/scim*.ts): the tables of better-auth's SCIM plugin, declared
 * here so that drizzle-kit generates their migration. Column names follow the plugin; do not
 * rename them. An organisation's identity provider writes these through /api/auth/scim/v2; Jalon
 * reads only what it needs to deactivate a person.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { user } from './auth.ts';

export const scimManagedConnection = sqliteTable(
  'scim_managed_connection',
  {
    id: text('id').primaryKey(),
    creationRequestId: text('creation_request_id').notNull().unique(),
    connectionId: text('connection_id').notNull().unique(),
    provisioningDomainId: text('provisioning_domain_id').notNull(),
    status: text('status').notNull(),
    revision: integer('revision').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    createdBy: text('created_by').notNull(),
    decommissionStartedAt: integer('decommission_started_at', { mode: 'timestamp_ms' }),
    decommissionStartedBy: text('decommission_started_by'),
    decommissionedAt: integer('decommissioned_at', { mode: 'timestamp_ms' }),
    decommissionedBy: text('decommissioned_by'),
  },
  (t) => [index('scim_managed_connection_provisioning_domain_id_idx').on(t.provisioningDomainId)],
);

export const scimManagedCredential = sqliteTable(
  'scim_managed_credential',
  {
    id: text('id').primaryKey(),
    connectionRecordId: text('connection_record_id')
      .notNull()
      .references(() => scimManagedConnection.id, { onDelete: 'cascade' }),
    credentialId: text('credential_id').notNull().unique(),
    tokenDigest: text('token_digest').notNull(),
    hashVersion: text('hash_version').notNull(),
    activeSlotKey: text('active_slot_key').notNull().unique(),
    status: text('status').notNull(),
    serializedScopes: text('serialized_scopes').notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    createdBy: text('created_by').notNull(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    revokedBy: text('revoked_by'),
    decommissionedAt: integer('decommissioned_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('scim_managed_credential_connection_record_id_idx').on(t.connectionRecordId)],
);

export const scimManagedConnectionEvent = sqliteTable(
  'scim_managed_connection_event',
  {
    id: text('id').primaryKey(),
    connectionRecordId: text('connection_record_id')
      .notNull()
      .references(() => scimManagedConnection.id, { onDelete: 'cascade' }),
    eventKey: text('event_key').notNull().unique(),
    sequence: integer('sequence').notNull(),
    type: text('type').notNull(),
    actorId: text('actor_id').notNull(),
    credentialId: text('credential_id'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('scim_managed_connection_event_connection_record_id_idx').on(t.connectionRecordId)],
);

export const scimConnectionBinding = sqliteTable(
  'scim_connection_binding',
  {
    id: text('id').primaryKey(),
    connectionId: text('connection_id').notNull(),
    connectionKey: text('connection_key').notNull().unique(),
    provisioningDomainId: text('provisioning_domain_id').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    decommissionedAt: integer('decommissioned_at', { mode: 'timestamp_ms' }),
    decommissionStatus: text('decommission_status').notNull(),
    decommissionCursorUserId: text('decommission_cursor_user_id'),
    decommissionReconciledUserCount: integer('decommission_reconciled_user_count').notNull(),
    decommissionBatchCount: integer('decommission_batch_count').notNull(),
    decommissionRevision: integer('decommission_revision').notNull(),
    decommissionCompletedAt: integer('decommission_completed_at', { mode: 'timestamp_ms' }),
    decommissionLeaseId: text('decommission_lease_id'),
    decommissionLeaseExpiresAt: integer('decommission_lease_expires_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('scim_connection_binding_connection_id_idx').on(t.connectionId)],
);

export const scimIdentityTombstone = sqliteTable(
  'scim_identity_tombstone',
  {
    id: text('id').primaryKey(),
    connectionId: text('connection_id').notNull(),
    provisioningDomainId: text('provisioning_domain_id').notNull(),
    externalId: text('external_id').notNull(),
    externalIdKey: text('external_id_key').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    profile: text('profile').notNull(),
    deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('scim_identity_tombstone_connection_id_idx').on(t.connectionId),
    index('scim_identity_tombstone_provisioning_domain_id_idx').on(t.provisioningDomainId),
    index('scim_identity_tombstone_user_id_idx').on(t.userId),
  ],
);

export const scimSubject = sqliteTable(
  'scim_subject',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .unique()
      .references(() => user.id, { onDelete: 'cascade' }),
    profileSourceId: text('profile_source_id'),
    revision: integer('revision').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('scim_subject_profile_source_id_idx').on(t.profileSourceId)],
);

export const scimUser = sqliteTable(
  'scim_user',
  {
    id: text('id').primaryKey(),
    connectionId: text('connection_id').notNull(),
    provisioningDomainId: text('provisioning_domain_id').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    connectionUserKey: text('connection_user_key').notNull().unique(),
    userName: text('user_name').notNull(),
    userNameKey: text('user_name_key').notNull().unique(),
    primaryEmail: text('primary_email').notNull(),
    workEmailValueIndex: text('work_email_value_index').notNull(),
    emailValueIndex: text('email_value_index').notNull(),
    displayName: text('display_name').notNull(),
    formattedName: text('formatted_name').notNull(),
    givenName: text('given_name'),
    familyName: text('family_name'),
    serializedEmails: text('serialized_emails').notNull(),
    serializedAttributes: text('serialized_attributes'),
    externalId: text('external_id'),
    externalIdKey: text('external_id_key').unique(),
    active: integer('active', { mode: 'boolean' }).notNull(),
    orderKey: text('order_key').notNull().unique(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('scim_user_connection_id_idx').on(t.connectionId),
    index('scim_user_provisioning_domain_id_idx').on(t.provisioningDomainId),
    index('scim_user_user_id_idx').on(t.userId),
  ],
);

export const scimProjectionGrant = sqliteTable(
  'scim_projection_grant',
  {
    id: text('id').primaryKey(),
    connectionId: text('connection_id').notNull(),
    provisioningDomainId: text('provisioning_domain_id').notNull(),
    scimUserId: text('scim_user_id')
      .notNull()
      .references(() => scimUser.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    sourceKind: text('source_kind').notNull(),
    sourceId: text('source_id').notNull(),
    sourceValue: text('source_value'),
    role: text('role').notNull(),
    grantKey: text('grant_key').notNull().unique(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('scim_projection_grant_connection_id_idx').on(t.connectionId),
    index('scim_projection_grant_provisioning_domain_id_idx').on(t.provisioningDomainId),
    index('scim_projection_grant_scim_user_id_idx').on(t.scimUserId),
    index('scim_projection_grant_user_id_idx').on(t.userId),
  ],
);

export const scimGroup = sqliteTable(
  'scim_group',
  {
    id: text('id').primaryKey(),
    connectionId: text('connection_id').notNull(),
    provisioningDomainId: text('provisioning_domain_id').notNull(),
    revision: integer('revision').notNull(),
    displayName: text('display_name').notNull(),
    displayNameKey: text('display_name_key').notNull().unique(),
    externalId: text('external_id'),
    externalIdKey: text('external_id_key').unique(),
    orderKey: text('order_key').notNull().unique(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('scim_group_connection_id_idx').on(t.connectionId),
    index('scim_group_provisioning_domain_id_idx').on(t.provisioningDomainId),
  ],
);

export const scimGroupMember = sqliteTable(
  'scim_group_member',
  {
    id: text('id').primaryKey(),
    connectionId: text('connection_id').notNull(),
    groupId: text('group_id')
      .notNull()
      .references(() => scimGroup.id, { onDelete: 'cascade' }),
    scimUserId: text('scim_user_id')
      .notNull()
      .references(() => scimUser.id, { onDelete: 'cascade' }),
    membershipKey: text('membership_key').notNull().unique(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('scim_group_member_connection_id_idx').on(t.connectionId),
    index('scim_group_member_group_id_idx').on(t.groupId),
    index('scim_group_member_scim_user_id_idx').on(t.scimUserId),
  ],
);
