-- Co-editing (issue 15). The desk copy of a story's headline, slugline, byline, abstract and body is a
-- Yjs document: `collab_docs` keeps its compacted state, `collab_updates` every update acknowledged
-- since (appended in the transaction that acknowledges it; merged into the state after a few hundred
-- updates and when the last editor leaves). `desk_versions` keeps the desk copy's text at take, at
-- workflow steps and every few minutes of editing, with who contributed.
CREATE TABLE `collab_docs` (
	`story_id` text PRIMARY KEY NOT NULL,
	`state` blob NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `collab_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`story_id` text NOT NULL,
	`update` blob NOT NULL,
	`actor_id` text,
	`at` text NOT NULL,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `collab_updates_story_idx` ON `collab_updates` (`story_id`,`id`);
--> statement-breakpoint
CREATE TABLE `desk_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`story_id` text NOT NULL,
	`reason` text NOT NULL,
	`at` text NOT NULL,
	`contributors` text DEFAULT '[]' NOT NULL,
	`headline` text NOT NULL,
	`slugline` text,
	`byline` text,
	`abstract` text,
	`body_html` text NOT NULL,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `desk_versions_story_idx` ON `desk_versions` (`story_id`,`id`);
