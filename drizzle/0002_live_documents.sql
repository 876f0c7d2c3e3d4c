CREATE TABLE `doc_snapshots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_name` text NOT NULL,
	`data` blob NOT NULL,
	`absorbed` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `doc_snapshots_doc_idx` ON `doc_snapshots` (`doc_name`,`id`);--> statement-breakpoint
CREATE TABLE `doc_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_name` text NOT NULL,
	`data` blob NOT NULL,
	`user_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `doc_updates_doc_idx` ON `doc_updates` (`doc_name`,`id`);--> statement-breakpoint
CREATE TABLE `criterion_checks` (
	`project_id` text NOT NULL,
	`criterion_id` text NOT NULL,
	`checked` integer NOT NULL,
	`evidence` text DEFAULT '' NOT NULL,
	`checked_by` text,
	`checked_at` integer,
	PRIMARY KEY(`project_id`, `criterion_id`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`owner_id` text,
	`due` text,
	`status` text NOT NULL,
	`stage` integer NOT NULL,
	`dimension` text,
	`depends_on` text DEFAULT '[]' NOT NULL,
	`position` text DEFAULT '' NOT NULL,
	`updated_by` text,
	`updated_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `milestones_project_idx` ON `milestones` (`project_id`);--> statement-breakpoint
CREATE INDEX `milestones_status_idx` ON `milestones` (`status`,`due`);--> statement-breakpoint
CREATE TABLE `readiness` (
	`project_id` text NOT NULL,
	`dimension` text NOT NULL,
	`level` integer NOT NULL,
	`evidence` text DEFAULT '' NOT NULL,
	`updated_by` text,
	`updated_at` integer,
	PRIMARY KEY(`project_id`, `dimension`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`prefix` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_user_idx` ON `api_tokens` (`user_id`);