CREATE TABLE `project_activity` (
	`project_id` text NOT NULL,
	`readable_with` text NOT NULL,
	`at` integer NOT NULL,
	PRIMARY KEY(`project_id`, `readable_with`),
	FOREIGN KEY (`project_id`) REFERENCES `projects`(`id`) ON UPDATE no action ON DELETE cascade
);
