-- Full-text search over the queue: an external-content FTS5 index on stories (drizzle has no FTS support),
-- and exact per-state story counts, both kept by triggers.
-- The triggers follow the SQLite docs for external content tables; the update trigger fires only when an
-- indexed column is written, so workflow changes (take, spike) do not touch the index.
CREATE VIRTUAL TABLE `stories_fts` USING fts5(
	headline, slugline, byline, body_text,
	content='stories', content_rowid='rowid',
	tokenize='unicode61 remove_diacritics 2',
	prefix='2 3'
);
--> statement-breakpoint
CREATE TRIGGER `stories_fts_after_insert` AFTER INSERT ON `stories` BEGIN
	INSERT INTO `stories_fts`(rowid, headline, slugline, byline, body_text)
	VALUES (new.rowid, new.headline, new.slugline, new.byline, new.body_text);
END;
--> statement-breakpoint
CREATE TRIGGER `stories_fts_after_delete` AFTER DELETE ON `stories` BEGIN
	INSERT INTO `stories_fts`(`stories_fts`, rowid, headline, slugline, byline, body_text)
	VALUES ('delete', old.rowid, old.headline, old.slugline, old.byline, old.body_text);
END;
--> statement-breakpoint
CREATE TRIGGER `stories_fts_after_update` AFTER UPDATE OF headline, slugline, byline, body_text ON `stories` BEGIN
	INSERT INTO `stories_fts`(`stories_fts`, rowid, headline, slugline, byline, body_text)
	VALUES ('delete', old.rowid, old.headline, old.slugline, old.byline, old.body_text);
	INSERT INTO `stories_fts`(rowid, headline, slugline, byline, body_text)
	VALUES (new.rowid, new.headline, new.slugline, new.byline, new.body_text);
END;
--> statement-breakpoint
-- Index the stories that existed before this migration.
INSERT INTO `stories_fts`(`stories_fts`) VALUES ('rebuild');
--> statement-breakpoint
-- Stories per workflow state, kept exact on every insert, state change and delete (the header's counts).
INSERT INTO `story_state_counts`(state, count) SELECT state, count(*) FROM `stories` GROUP BY state;
--> statement-breakpoint
CREATE TRIGGER `story_state_counts_after_insert` AFTER INSERT ON `stories` BEGIN
	INSERT INTO `story_state_counts`(state, count) VALUES (new.state, 1)
	ON CONFLICT(state) DO UPDATE SET count = count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `story_state_counts_after_delete` AFTER DELETE ON `stories` BEGIN
	UPDATE `story_state_counts` SET count = count - 1 WHERE state = old.state;
END;
--> statement-breakpoint
CREATE TRIGGER `story_state_counts_after_update` AFTER UPDATE OF state ON `stories` WHEN old.state IS NOT new.state BEGIN
	UPDATE `story_state_counts` SET count = count - 1 WHERE state = old.state;
	INSERT INTO `story_state_counts`(state, count) VALUES (new.state, 1)
	ON CONFLICT(state) DO UPDATE SET count = count + 1;
END;
