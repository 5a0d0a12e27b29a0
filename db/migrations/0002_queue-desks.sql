CREATE TABLE `desk_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`desk_id` text NOT NULL,
	`agency` text,
	`category` text,
	`keyword` text,
	`urgency_max` integer,
	`position` integer NOT NULL,
	FOREIGN KEY (`desk_id`) REFERENCES `desks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `desk_rules_desk_idx` ON `desk_rules` (`desk_id`,`position`);--> statement-breakpoint
CREATE TABLE `desks` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `desks_name_unique` ON `desks` (`name`);--> statement-breakpoint
CREATE TABLE `saved_searches` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`query_string` text NOT NULL,
	`created_at` text NOT NULL,
	`last_opened_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `saved_searches_user_name_idx` ON `saved_searches` (`user_id`,`name`);--> statement-breakpoint
CREATE TABLE `story_reads` (
	`user_id` text NOT NULL,
	`story_id` text NOT NULL,
	`read_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `story_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `story_state_counts` (
	`state` text PRIMARY KEY NOT NULL,
	`count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `user_desks` (
	`user_id` text NOT NULL,
	`desk_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `desk_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`desk_id`) REFERENCES `desks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `user_settings` (
	`user_id` text PRIMARY KEY NOT NULL,
	`sound` integer DEFAULT false NOT NULL,
	`desktop_notifications` integer DEFAULT false NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `stories_desk_idx` ON `stories` (`desk_id`,`rowid`);--> statement-breakpoint
CREATE INDEX `stories_state_updated_idx` ON `stories` (`state`,`updated_at`);