CREATE TABLE `doc_projection_marks` (
	`doc_name` text PRIMARY KEY NOT NULL,
	`upto` integer NOT NULL
);
