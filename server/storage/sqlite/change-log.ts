import type Database from "better-sqlite3";
import type { Db } from "@/db/client";

const statements = new WeakMap<Database.Database, Database.Statement<[string, string, string | null, string]>>();

/**
 * Appends one change to the log and returns its seq. The one writer of the `changes` table: ingest,
 * editors' state changes and housekeeping all call it inside their own transaction on this connection.
 * The statement is prepared once per connection, since ingest appends a change for every story.
 */
export function appendChange(db: Db, storyId: string, kind: string, actorId: string | null, at: string): number {
  let statement = statements.get(db.$client);
  if (!statement) {
    statement = db.$client.prepare("insert into changes (story_id, kind, actor_id, at) values (?, ?, ?, ?)");
    statements.set(db.$client, statement);
  }
  return Number(statement.run(storyId, kind, actorId, at).lastInsertRowid);
}
