ALTER TABLE `user` ADD `deactivated_at` integer;--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `expires_at` integer NOT NULL DEFAULT 0;--> statement-breakpoint
UPDATE `api_tokens` SET `expires_at` = `created_at` + 90 * 86400000;--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `scope` text DEFAULT 'write' NOT NULL;--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `project_id` text REFERENCES projects(id) ON DELETE cascade;
