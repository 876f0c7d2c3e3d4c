CREATE TABLE `doc_history` (
	`id` integer PRIMARY KEY NOT NULL,
	`doc_name` text NOT NULL,
	`data` blob NOT NULL,
	`user_id` text,
	`created_at` integer NOT NULL,
	`snapshot_id` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `doc_history_doc_idx` ON `doc_history` (`doc_name`,`created_at`);--> statement-breakpoint
ALTER TABLE `doc_snapshots` ADD `log_kept` integer DEFAULT false NOT NULL;