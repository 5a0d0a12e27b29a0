CREATE TABLE `feeds` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`url` text NOT NULL,
	`interval_seconds` integer NOT NULL,
	`etag` text,
	`last_modified` text,
	`last_polled_at` text,
	`last_status` text,
	`last_error` text,
	`failures` integer DEFAULT 0 NOT NULL,
	`next_poll_at` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `feeds_next_poll_idx` ON `feeds` (`enabled`,`next_poll_at`);--> statement-breakpoint
DROP INDEX `story_versions_story_version_idx`;--> statement-breakpoint
ALTER TABLE `story_versions` ADD `guid` text;--> statement-breakpoint
UPDATE `story_versions` SET `guid` = json_extract(`normalized`, '$.guid') WHERE `guid` IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `story_versions_story_guid_version_idx` ON `story_versions` (`story_id`,`guid`,`agency_version`);