CREATE TABLE `conflict_declarations` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`statement` text NOT NULL,
	`declared_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conflict_declarations_person_org_idx` ON `conflict_declarations` (`user_id`,`organisation_id`);--> statement-breakpoint
CREATE INDEX `conflict_declarations_org_idx` ON `conflict_declarations` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `gate_committee_members` (
	`review_id` text NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	PRIMARY KEY(`review_id`, `user_id`),
	FOREIGN KEY (`review_id`) REFERENCES `gate_reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `gate_committees` (
	`review_id` text PRIMARY KEY NOT NULL,
	`chair_id` text NOT NULL,
	`quorum` integer NOT NULL,
	`deadline` integer NOT NULL,
	`set_by` text NOT NULL,
	`set_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `gate_reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chair_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `gate_pending_decisions` (
	`review_id` text PRIMARY KEY NOT NULL,
	`outcome` text NOT NULL,
	`rationale` text NOT NULL,
	`conditions` text NOT NULL,
	`review_date` text,
	`deficiencies` text,
	`proposed_by` text NOT NULL,
	`proposed_at` integer NOT NULL,
	FOREIGN KEY (`review_id`) REFERENCES `gate_reviews`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `gate_signatures` (
	`review_id` text NOT NULL,
	`user_id` text NOT NULL,
	`signer_name` text NOT NULL,
	`signed_at` integer NOT NULL,
	`signed_with` text NOT NULL,
	`authenticated_at` integer NOT NULL,
	PRIMARY KEY(`review_id`, `user_id`),
	FOREIGN KEY (`review_id`) REFERENCES `gate_reviews`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `frameworks` ADD `gate_signing` text DEFAULT 'chair' NOT NULL;--> statement-breakpoint
ALTER TABLE `gate_decisions` ADD `review_date` text;--> statement-breakpoint
ALTER TABLE `gate_decisions` ADD `deficiencies` text;--> statement-breakpoint
ALTER TABLE `gate_decisions` ADD `signed_by` text;--> statement-breakpoint
ALTER TABLE `gate_reviews` ADD `open_conditions_explanation` text;--> statement-breakpoint
ALTER TABLE `projects` ADD `on_hold_until` text;