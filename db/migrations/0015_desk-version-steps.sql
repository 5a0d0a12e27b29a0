-- Desk-copy versions at every workflow step (issue: co-editing history). A version says who made the
-- step (`actor_id`: the submitter, the approving chief; null for periodic editing versions and the
-- scheduler) and the workflow state it was kept in (`state`): a version with the same state and text
-- as the one before it is not kept again.
ALTER TABLE `desk_versions` ADD `actor_id` text;
--> statement-breakpoint
ALTER TABLE `desk_versions` ADD `state` text;
