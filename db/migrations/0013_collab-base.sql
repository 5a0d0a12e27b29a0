-- Agency updates of a story being edited (issue 15). The desk copy remembers the agency version it
-- started from (`base_agency_version`) and that version's text as a Yjs state (`base_state`, an
-- ancestor of the co-edited document): bringing in a newer agency version replays the agency's changes
-- on that state, so they merge with the desk's edits instead of overwriting them.
ALTER TABLE `collab_docs` ADD `base_state` blob;
--> statement-breakpoint
ALTER TABLE `collab_docs` ADD `base_agency_version` integer;
