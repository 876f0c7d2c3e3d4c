CREATE TABLE `scim_connection_binding` (
	`id` text PRIMARY KEY NOT NULL,
	`connection_id` text NOT NULL,
	`connection_key` text NOT NULL,
	`provisioning_domain_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`decommissioned_at` integer,
	`decommission_status` text NOT NULL,
	`decommission_cursor_user_id` text,
	`decommission_reconciled_user_count` integer NOT NULL,
	`decommission_batch_count` integer NOT NULL,
	`decommission_revision` integer NOT NULL,
	`decommission_completed_at` integer,
	`decommission_lease_id` text,
	`decommission_lease_expires_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scim_connection_binding_connection_key_unique` ON `scim_connection_binding` (`connection_key`);--> statement-breakpoint
CREATE INDEX `scim_connection_binding_connection_id_idx` ON `scim_connection_binding` (`connection_id`);--> statement-breakpoint
CREATE TABLE `scim_group` (
	`id` text PRIMARY KEY NOT NULL,
	`connection_id` text NOT NULL,
	`provisioning_domain_id` text NOT NULL,
	`revision` integer NOT NULL,
	`display_name` text NOT NULL,
	`display_name_key` text NOT NULL,
	`external_id` text,
	`external_id_key` text,
	`order_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scim_group_display_name_key_unique` ON `scim_group` (`display_name_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `scim_group_external_id_key_unique` ON `scim_group` (`external_id_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `scim_group_order_key_unique` ON `scim_group` (`order_key`);--> statement-breakpoint
CREATE INDEX `scim_group_connection_id_idx` ON `scim_group` (`connection_id`);--> statement-breakpoint
CREATE INDEX `scim_group_provisioning_domain_id_idx` ON `scim_group` (`provisioning_domain_id`);--> statement-breakpoint
CREATE TABLE `scim_group_member` (
	`id` text PRIMARY KEY NOT NULL,
	`connection_id` text NOT NULL,
	`group_id` text NOT NULL,
	`scim_user_id` text NOT NULL,
	`membership_key` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `scim_group`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`scim_user_id`) REFERENCES `scim_user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scim_group_member_membership_key_unique` ON `scim_group_member` (`membership_key`);--> statement-breakpoint
CREATE INDEX `scim_group_member_connection_id_idx` ON `scim_group_member` (`connection_id`);--> statement-breakpoint
CREATE INDEX `scim_group_member_group_id_idx` ON `scim_group_member` (`group_id`);--> statement-breakpoint
CREATE INDEX `scim_group_member_scim_user_id_idx` ON `scim_group_member` (`scim_user_id`);--> statement-breakpoint
CREATE TABLE `scim_identity_tombstone` (
	`id` text PRIMARY KEY NOT NULL,
	`connection_id` text NOT NULL,
	`provisioning_domain_id` text NOT NULL,
	`external_id` text NOT NULL,
	`external_id_key` text NOT NULL,
	`user_id` text NOT NULL,
	`profile` text NOT NULL,
	`deleted_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scim_identity_tombstone_external_id_key_unique` ON `scim_identity_tombstone` (`external_id_key`);--> statement-breakpoint
CREATE INDEX `scim_identity_tombstone_connection_id_idx` ON `scim_identity_tombstone` (`connection_id`);--> statement-breakpoint
CREATE INDEX `scim_identity_tombstone_provisioning_domain_id_idx` ON `scim_identity_tombstone` (`provisioning_domain_id`);--> statement-breakpoint
CREATE INDEX `scim_identity_tombstone_user_id_idx` ON `scim_identity_tombstone` (`user_id`);--> statement-breakpoint
CREATE TABLE `scim_managed_connection` (
	`id` text PRIMARY KEY NOT NULL,
	`creation_request_id` text NOT NULL,
	`connection_id` text NOT NULL,
	`provisioning_domain_id` text NOT NULL,
	`status` text NOT NULL,
	`revision` integer NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text NOT NULL,
	`decommission_started_at` integer,
	`decommission_started_by` text,
	`decommissioned_at` integer,
	`decommissioned_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scim_managed_connection_creation_request_id_unique` ON `scim_managed_connection` (`creation_request_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `scim_managed_connection_connection_id_unique` ON `scim_managed_connection` (`connection_id`);--> statement-breakpoint
CREATE INDEX `scim_managed_connection_provisioning_domain_id_idx` ON `scim_managed_connection` (`provisioning_domain_id`);--> statement-breakpoint
CREATE TABLE `scim_managed_connection_event` (
	`id` text PRIMARY KEY NOT NULL,
	`connection_record_id` text NOT NULL,
	`event_key` text NOT NULL,
	`sequence` integer NOT NULL,
	`type` text NOT NULL,
	`actor_id` text NOT NULL,
	`credential_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`connection_record_id`) REFERENCES `scim_managed_connection`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scim_managed_connection_event_event_key_unique` ON `scim_managed_connection_event` (`event_key`);--> statement-breakpoint
CREATE INDEX `scim_managed_connection_event_connection_record_id_idx` ON `scim_managed_connection_event` (`connection_record_id`);--> statement-breakpoint
CREATE TABLE `scim_managed_credential` (
	`id` text PRIMARY KEY NOT NULL,
	`connection_record_id` text NOT NULL,
	`credential_id` text NOT NULL,
	`token_digest` text NOT NULL,
	`hash_version` text NOT NULL,
	`active_slot_key` text NOT NULL,
	`status` text NOT NULL,
	`serialized_scopes` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	`revoked_by` text,
	`decommissioned_at` integer,
	FOREIGN KEY (`connection_record_id`) REFERENCES `scim_managed_connection`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scim_managed_credential_credential_id_unique` ON `scim_managed_credential` (`credential_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `scim_managed_credential_active_slot_key_unique` ON `scim_managed_credential` (`active_slot_key`);--> statement-breakpoint
CREATE INDEX `scim_managed_credential_connection_record_id_idx` ON `scim_managed_credential` (`connection_record_id`);--> statement-breakpoint
CREATE TABLE `scim_projection_grant` (
	`id` text PRIMARY KEY NOT NULL,
	`connection_id` text NOT NULL,
	`provisioning_domain_id` text NOT NULL,
	`scim_user_id` text NOT NULL,
	`user_id` text NOT NULL,
	`source_kind` text NOT NULL,
	`source_id` text NOT NULL,
	`source_value` text,
	`role` text NOT NULL,
	`grant_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`scim_user_id`) REFERENCES `scim_user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scim_projection_grant_grant_key_unique` ON `scim_projection_grant` (`grant_key`);--> statement-breakpoint
CREATE INDEX `scim_projection_grant_connection_id_idx` ON `scim_projection_grant` (`connection_id`);--> statement-breakpoint
CREATE INDEX `scim_projection_grant_provisioning_domain_id_idx` ON `scim_projection_grant` (`provisioning_domain_id`);--> statement-breakpoint
CREATE INDEX `scim_projection_grant_scim_user_id_idx` ON `scim_projection_grant` (`scim_user_id`);--> statement-breakpoint
CREATE INDEX `scim_projection_grant_user_id_idx` ON `scim_projection_grant` (`user_id`);--> statement-breakpoint
CREATE TABLE `scim_subject` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`profile_source_id` text,
	`revision` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scim_subject_user_id_unique` ON `scim_subject` (`user_id`);--> statement-breakpoint
CREATE INDEX `scim_subject_profile_source_id_idx` ON `scim_subject` (`profile_source_id`);--> statement-breakpoint
CREATE TABLE `scim_user` (
	`id` text PRIMARY KEY NOT NULL,
	`connection_id` text NOT NULL,
	`provisioning_domain_id` text NOT NULL,
	`user_id` text NOT NULL,
	`connection_user_key` text NOT NULL,
	`user_name` text NOT NULL,
	`user_name_key` text NOT NULL,
	`primary_email` text NOT NULL,
	`work_email_value_index` text NOT NULL,
	`email_value_index` text NOT NULL,
	`display_name` text NOT NULL,
	`formatted_name` text NOT NULL,
	`given_name` text,
	`family_name` text,
	`serialized_emails` text NOT NULL,
	`serialized_attributes` text,
	`external_id` text,
	`external_id_key` text,
	`active` integer NOT NULL,
	`order_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scim_user_connection_user_key_unique` ON `scim_user` (`connection_user_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `scim_user_user_name_key_unique` ON `scim_user` (`user_name_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `scim_user_external_id_key_unique` ON `scim_user` (`external_id_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `scim_user_order_key_unique` ON `scim_user` (`order_key`);--> statement-breakpoint
CREATE INDEX `scim_user_connection_id_idx` ON `scim_user` (`connection_id`);--> statement-breakpoint
CREATE INDEX `scim_user_provisioning_domain_id_idx` ON `scim_user` (`provisioning_domain_id`);--> statement-breakpoint
CREATE INDEX `scim_user_user_id_idx` ON `scim_user` (`user_id`);--> statement-breakpoint
CREATE TABLE `sso_connection_activity` (
	`provider_id` text PRIMARY KEY NOT NULL,
	`last_sign_in_at` integer,
	`sign_ins` integer DEFAULT 0 NOT NULL,
	`last_error_at` integer,
	`last_error` text,
	`errors` integer DEFAULT 0 NOT NULL,
	`last_tested_at` integer,
	`last_test_result` text,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`provider_id`) REFERENCES `sso_provider`(`provider_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sso_provider` (
	`id` text PRIMARY KEY NOT NULL,
	`issuer` text NOT NULL,
	`oidc_config` text,
	`saml_config` text,
	`user_id` text,
	`provider_id` text NOT NULL,
	`organization_id` text,
	`domain` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sso_provider_provider_id_unique` ON `sso_provider` (`provider_id`);--> statement-breakpoint
CREATE TABLE `two_factor` (
	`id` text PRIMARY KEY NOT NULL,
	`secret` text NOT NULL,
	`backup_codes` text NOT NULL,
	`user_id` text NOT NULL,
	`verified` integer,
	`failed_verification_count` integer,
	`locked_until` integer,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `two_factor_secret_idx` ON `two_factor` (`secret`);--> statement-breakpoint
CREATE INDEX `two_factor_user_id_idx` ON `two_factor` (`user_id`);--> statement-breakpoint
ALTER TABLE `user` ADD `two_factor_enabled` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `user` ADD `last_sign_in_at` integer;--> statement-breakpoint
ALTER TABLE `gate_decisions` ADD `signed_with` text;--> statement-breakpoint
ALTER TABLE `gate_decisions` ADD `authenticated_at` integer;