-- Who holds a story and since when, kept on the story so every list, event and refusal can say "Taken by Eda Editor 14:02".
ALTER TABLE `stories` ADD `taken_at` text;--> statement-breakpoint
ALTER TABLE `stories` ADD `taken_by_name` text;--> statement-breakpoint
-- Stories already taken: the time of their last take and the holder's current name.
UPDATE `stories` SET
  `taken_at` = (SELECT max(h.`at`) FROM `story_history` h WHERE h.`story_id` = `stories`.`id` AND h.`action` = 'take'),
  `taken_by_name` = (SELECT u.`name` FROM `users` u WHERE u.`id` = `stories`.`taken_by`)
WHERE `taken_by` IS NOT NULL;
