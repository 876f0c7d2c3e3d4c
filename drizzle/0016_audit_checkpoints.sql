CREATE TABLE `audit_checkpoints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seq` integer NOT NULL,
	`hash` text NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`key_id` text NOT NULL,
	`signature` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_checkpoints_seq_idx` ON `audit_checkpoints` (`seq`);--> statement-breakpoint
CREATE TABLE `pending_effects` (
	`id` text PRIMARY KEY NOT NULL,
	`project_id` text NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`actor_id` text,
	`created_at` integer NOT NULL,
	`done_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `pending_effects_open_idx` ON `pending_effects` (`done_at`,`created_at`);--> statement-breakpoint
-- Checkpoints are append-only, like the chain they sign (server/audit/checkpoints.ts).
CREATE TRIGGER `audit_checkpoints_no_update` BEFORE UPDATE ON `audit_checkpoints`
BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `audit_checkpoints_no_delete` BEFORE DELETE ON `audit_checkpoints`
BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END;
