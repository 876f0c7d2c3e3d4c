CREATE TABLE `gate_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`review_id` text NOT NULL,
	`project_id` text NOT NULL,
	`outcome` text NOT NULL,
	`rationale` text NOT NULL,
	`conditions` text NOT NULL,
	`signer_id` text NOT NULL,
	`signer_name` text NOT NULL,
	`signed_at` integer NOT NULL,
	`meaning` text NOT NULL,
	`stage_before` integer NOT NULL,
	`stage_after` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `gate_reviews`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gate_decisions_review_id_unique` ON `gate_decisions` (`review_id`);--> statement-breakpoint
CREATE TABLE `gate_packs` (
	`review_id` text PRIMARY KEY NOT NULL,
	`state` blob NOT NULL,
	`data` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `gate_reviews`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `gate_recommendations` (
	`id` text PRIMARY KEY NOT NULL,
	`review_id` text NOT NULL,
	`reviewer_id` text NOT NULL,
	`scores` text NOT NULL,
	`recommendation` text NOT NULL,
	`rationale` text NOT NULL,
	`conflict_of_interest` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `gate_reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gate_recommendations_reviewer_idx` ON `gate_recommendations` (`review_id`,`reviewer_id`);--> statement-breakpoint
CREATE TABLE `gate_reviewers` (
	`review_id` text NOT NULL,
	`user_id` text NOT NULL,
	`invited_by` text,
	`invited_at` integer NOT NULL,
	PRIMARY KEY(`review_id`, `user_id`),
	FOREIGN KEY (`review_id`) REFERENCES `gate_reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `gate_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`framework_id` text NOT NULL,
	`stage_index` integer NOT NULL,
	`status` text NOT NULL,
	`requested_by` text NOT NULL,
	`requested_at` integer NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `gate_reviews_project_idx` ON `gate_reviews` (`project_id`,`requested_at`);