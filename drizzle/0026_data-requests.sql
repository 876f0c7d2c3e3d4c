CREATE TABLE `hospital_data_offices` (
	`hospital_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`hospital_id`, `user_id`),
	FOREIGN KEY (`hospital_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `hospital_data_offices_user_idx` ON `hospital_data_offices` (`user_id`);--> statement-breakpoint
ALTER TABLE `service_requests` ADD `data_hospital_id` text REFERENCES organisations(id);--> statement-breakpoint
ALTER TABLE `service_requests` ADD `data_filing_id` text;--> statement-breakpoint
CREATE INDEX `service_requests_data_hospital_idx` ON `service_requests` (`data_hospital_id`,`status`);--> statement-breakpoint
ALTER TABLE `services` ADD `request_kind` text DEFAULT 'form' NOT NULL;