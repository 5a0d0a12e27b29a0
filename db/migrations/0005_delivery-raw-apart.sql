-- Write amplification on ingest. A delivery's row was written twice: inserted with its bytes before
-- parsing, then updated with its status, and an UPDATE that changes a row's size rewrites the whole
-- row, bytes and overflow pages included. The bytes now live in their own table, written once.
-- stories.guid loses its unique index: story_guids (primary key guid) already maps every guid to one
-- story and is what lookups use, so the index only cost a random-order insert per new story.
CREATE TABLE `delivery_raw` (
	`delivery_id` integer PRIMARY KEY NOT NULL,
	`raw` blob NOT NULL,
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `delivery_raw` (`delivery_id`, `raw`) SELECT `id`, `raw` FROM `deliveries`;
--> statement-breakpoint
DROP INDEX `stories_guid_unique`;--> statement-breakpoint
ALTER TABLE `deliveries` DROP COLUMN `raw`;
