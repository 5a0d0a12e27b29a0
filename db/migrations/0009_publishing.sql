CREATE TABLE `story_workflow` (
	`story_id` text PRIMARY KEY NOT NULL,
	`spiked_from` text,
	`scheduled_at` text,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `story_workflow_scheduled_idx` ON `story_workflow` (`scheduled_at`);--> statement-breakpoint
CREATE TABLE `story_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`story_id` text NOT NULL,
	`at` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`from_state` text NOT NULL,
	`to_state` text NOT NULL,
	`rev` integer NOT NULL,
	`detail` text,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `story_history_story_idx` ON `story_history` (`story_id`,`id`);--> statement-breakpoint
CREATE TABLE `publications` (
	`story_id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`state` text NOT NULL,
	`headline` text NOT NULL,
	`subheadline` text,
	`slugline` text,
	`byline` text,
	`dateline_text` text,
	`dateline_place` text,
	`abstract` text,
	`body_html` text NOT NULL,
	`body_text` text NOT NULL,
	`language` text,
	`agency` text,
	`urgency` integer NOT NULL,
	`categories` text DEFAULT '[]' NOT NULL,
	`keywords` text DEFAULT '[]' NOT NULL,
	`corrections` text DEFAULT '[]' NOT NULL,
	`version` integer NOT NULL,
	`first_published_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`killed_at` text,
	`kill_reason` text,
	`seq` integer NOT NULL,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `publications_live_idx` ON `publications` (`state`,`first_published_at`,`story_id`);--> statement-breakpoint
CREATE TABLE `webhooks` (
	`id` text PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`secret` text NOT NULL,
	`description` text,
	`enabled` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`webhook_id` text NOT NULL,
	`event` text NOT NULL,
	`story_id` text NOT NULL,
	`body` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_attempt_at` text,
	`last_status` text,
	`last_error` text,
	`created_at` text NOT NULL,
	`delivered_at` text,
	FOREIGN KEY (`webhook_id`) REFERENCES `webhooks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due_idx` ON `webhook_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_hook_idx` ON `webhook_deliveries` (`webhook_id`,`id`);
