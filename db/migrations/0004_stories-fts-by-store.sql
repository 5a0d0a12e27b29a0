-- New stories are indexed by the store, not by a trigger. A statement that fires a trigger opens a
-- statement savepoint, and FTS5 flushes its in-memory buffer at every savepoint, so a trigger made each
-- ingested story its own small index segment. The SQLite store now inserts the index rows of every story
-- a group commit created after the group's last write, in the same transaction (see
-- server/storage/sqlite/fts-index.ts), so FTS5 writes one segment per commit and the index is exact
-- after every commit. The update and delete triggers stay: edits of indexed columns are rare.
DROP TRIGGER IF EXISTS `stories_fts_after_insert`;
