ALTER TABLE `user` ADD `title` text;--> statement-breakpoint
ALTER TABLE `user` ADD `time_zone` text;