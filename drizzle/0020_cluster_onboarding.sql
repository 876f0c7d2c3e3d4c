CREATE TABLE `cluster_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_by` text,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `frameworks` ADD `lineage` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `frameworks` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `frameworks` ADD `change_note` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `frameworks` ADD `created_by` text;--> statement-breakpoint
ALTER TABLE `project_invitations` ADD `declined_at` integer;--> statement-breakpoint
ALTER TABLE `project_invitations` ADD `organisation_id` text REFERENCES organisations(id);--> statement-breakpoint
ALTER TABLE `project_invitations` ADD `last_sent_at` integer;--> statement-breakpoint
ALTER TABLE `project_invitations` ADD `send_count` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
UPDATE `frameworks` SET `lineage` = `id` WHERE `lineage` = '';--> statement-breakpoint
UPDATE `project_invitations` SET `last_sent_at` = `created_at`;
