ALTER TABLE `feeds` ADD `last_new_stories` integer;--> statement-breakpoint
ALTER TABLE `feeds` ADD `last_updated_stories` integer;