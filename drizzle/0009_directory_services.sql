CREATE TABLE `mentor_profiles` (
	`user_id` text PRIMARY KEY NOT NULL,
	`headline_en` text NOT NULL,
	`headline_fr` text NOT NULL,
	`bio_en` text DEFAULT '' NOT NULL,
	`bio_fr` text DEFAULT '' NOT NULL,
	`expertise` text DEFAULT '[]' NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`availability` text DEFAULT 'available' NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `mentor_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`mentor_id` text NOT NULL,
	`requested_by` text NOT NULL,
	`message` text NOT NULL,
	`status` text NOT NULL,
	`response` text,
	`created_at` integer NOT NULL,
	`responded_at` integer,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mentor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requested_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mentor_requests_mentor_idx` ON `mentor_requests` (`mentor_id`,`status`);--> statement-breakpoint
CREATE INDEX `mentor_requests_project_idx` ON `mentor_requests` (`project_id`);--> statement-breakpoint
CREATE TABLE `service_handlers` (
	`service_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`service_id`, `user_id`),
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `service_handlers_user_idx` ON `service_handlers` (`user_id`);--> statement-breakpoint
CREATE TABLE `service_request_events` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`author_id` text,
	`at` integer NOT NULL,
	`from_status` text,
	`to_status` text,
	`comment` text,
	FOREIGN KEY (`request_id`) REFERENCES `service_requests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_request_events_request_idx` ON `service_request_events` (`request_id`,`at`);--> statement-breakpoint
CREATE TABLE `service_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`service_id` text NOT NULL,
	`project_id` text NOT NULL,
	`requester_id` text NOT NULL,
	`answers` text NOT NULL,
	`status` text NOT NULL,
	`scheduled_for` text,
	`milestone_id` text,
	`submitted_at` integer NOT NULL,
	`decided_at` integer,
	`delivered_at` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`requester_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_requests_project_idx` ON `service_requests` (`project_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `service_requests_service_idx` ON `service_requests` (`service_id`,`status`);--> statement-breakpoint
CREATE TABLE `services` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`kind` text NOT NULL,
	`name_en` text NOT NULL,
	`name_fr` text NOT NULL,
	`description_en` text NOT NULL,
	`description_fr` text NOT NULL,
	`audience_en` text NOT NULL,
	`audience_fr` text NOT NULL,
	`requester_kinds` text DEFAULT '[]' NOT NULL,
	`form` text NOT NULL,
	`handling_organisation_id` text,
	`dimension` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsecond') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`handling_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `services_slug_unique` ON `services` (`slug`);--> statement-breakpoint
ALTER TABLE `organisation_members` ADD `listed_as_contact` integer DEFAULT false NOT NULL;