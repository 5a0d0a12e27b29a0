CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`subject` text,
	`detail` text
);
--> statement-breakpoint
CREATE TABLE `changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`story_id` text NOT NULL,
	`kind` text NOT NULL,
	`actor_id` text,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `changes_story_idx` ON `changes` (`story_id`);--> statement-breakpoint
CREATE TABLE `deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`received_at` text NOT NULL,
	`channel` text NOT NULL,
	`source_name` text,
	`format` text,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`raw` blob NOT NULL,
	`status` text NOT NULL,
	`error_code` text,
	`error_message` text,
	`story_count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `deliveries_sha_idx` ON `deliveries` (`sha256`);--> statement-breakpoint
CREATE INDEX `deliveries_status_idx` ON `deliveries` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `ingest_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`revoked_at` text,
	`last_used_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ingest_tokens_token_hash_unique` ON `ingest_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `recorded_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`delivery_id` integer NOT NULL,
	`guid` text NOT NULL,
	`version` integer NOT NULL,
	`item_class` text NOT NULL,
	`headline` text,
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recorded_items_guid_idx` ON `recorded_items` (`guid`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `stories` (
	`rowid` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`guid` text NOT NULL,
	`agency_version` integer NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`seq` integer NOT NULL,
	`state` text NOT NULL,
	`format` text NOT NULL,
	`pub_status` text NOT NULL,
	`agency` text,
	`urgency` integer NOT NULL,
	`headline` text NOT NULL,
	`subheadline` text,
	`slugline` text,
	`byline` text,
	`dateline_text` text,
	`dateline_place` text,
	`dateline_date` text,
	`dateline_source` text,
	`language` text,
	`abstract` text,
	`body_html` text NOT NULL,
	`body_text` text NOT NULL,
	`word_count` integer NOT NULL,
	`editor_note` text,
	`embargo_until` text,
	`version_created` text,
	`first_created` text,
	`supersedes` text DEFAULT '[]' NOT NULL,
	`signals` text DEFAULT '[]' NOT NULL,
	`categories` text DEFAULT '[]' NOT NULL,
	`keywords` text DEFAULT '[]' NOT NULL,
	`version_count` integer DEFAULT 1 NOT NULL,
	`agency_update_version` integer,
	`taken_by` text,
	`desk_id` text,
	`received_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`taken_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stories_id_unique` ON `stories` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `stories_guid_unique` ON `stories` (`guid`);--> statement-breakpoint
CREATE INDEX `stories_seq_idx` ON `stories` (`seq`);--> statement-breakpoint
CREATE INDEX `stories_state_idx` ON `stories` (`state`,`rowid`);--> statement-breakpoint
CREATE INDEX `stories_agency_idx` ON `stories` (`agency`,`rowid`);--> statement-breakpoint
CREATE INDEX `stories_received_idx` ON `stories` (`received_at`);--> statement-breakpoint
CREATE TABLE `story_guids` (
	`guid` text PRIMARY KEY NOT NULL,
	`story_id` text NOT NULL,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `story_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`story_id` text NOT NULL,
	`agency_version` integer NOT NULL,
	`delivery_id` integer,
	`normalized` text NOT NULL,
	`received_at` text NOT NULL,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`delivery_id`) REFERENCES `deliveries`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `story_versions_story_version_idx` ON `story_versions` (`story_id`,`agency_version`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);