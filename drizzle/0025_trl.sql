CREATE TABLE `gate_readiness_thresholds` (
	`framework_id` text NOT NULL,
	`stage_index` integer NOT NULL,
	`dimension` text NOT NULL,
	`min_level` integer NOT NULL,
	PRIMARY KEY(`framework_id`, `stage_index`, `dimension`),
	FOREIGN KEY (`framework_id`) REFERENCES `frameworks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`dimension`) REFERENCES `readiness_dimensions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `gate_review_threshold_warnings` (
	`review_id` text NOT NULL,
	`dimension` text NOT NULL,
	`required` integer NOT NULL,
	`current` integer,
	PRIMARY KEY(`review_id`, `dimension`),
	FOREIGN KEY (`review_id`) REFERENCES `gate_reviews`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `project_level_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`from_level` integer,
	`level` integer NOT NULL,
	`evidence` text NOT NULL,
	`set_by` text NOT NULL,
	`set_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`set_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `project_level_changes_project_idx` ON `project_level_changes` (`project_id`,`set_at`);