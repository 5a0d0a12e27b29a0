-- The history's "Agency's original" (issue 15): the agency version the desk copy first started from.
-- `base_agency_version` moves forward when the desk brings in an agency update (it is the ancestor the
-- next merge starts from), so the original needs its own column. Copies kept before it start from
-- their current base, the best that is known.
ALTER TABLE `collab_docs` ADD `origin_agency_version` integer;
--> statement-breakpoint
UPDATE `collab_docs` SET `origin_agency_version` = `base_agency_version`;
