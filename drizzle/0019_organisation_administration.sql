ALTER TABLE `organisations` ADD `website` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `deactivated_at` integer;--> statement-breakpoint
ALTER TABLE `organisations` ADD `version` integer DEFAULT 1 NOT NULL;