import type { GroupTransaction } from "./group-commit";
import type { IngestStatements } from "./ingest-statements";

/** The indexed columns of a story, as inserted. */
export interface IndexedColumns {
  headline: string;
  slugline: string | null;
  byline: string | null;
  bodyText: string;
}

/**
 * The search index rows of the stories created in one group transaction, written after the group's
 * last write (see migration 0004: FTS5 then buffers the whole group and writes one segment).
 */
class PendingIndex {
  private readonly rows = new Map<number, IndexedColumns>();
  private readonly statements: IngestStatements;

  constructor(statements: IngestStatements) {
    this.statements = statements;
  }

  add(rowid: number, columns: IndexedColumns): void {
    this.rows.set(rowid, columns);
  }

  /**
   * Writes the pending row of `rowid` now, if it has one. Call before updating an indexed column of
   * a story: the update trigger removes the old values from the index, so they must be there.
   */
  flushRow(rowid: number): void {
    const columns = this.rows.get(rowid);
    if (!columns) return;
    this.rows.delete(rowid);
    this.write(rowid, columns);
  }

  flushAll(): void {
    for (const [rowid, columns] of this.rows) this.write(rowid, columns);
    this.rows.clear();
  }

  private write(rowid: number, c: IndexedColumns): void {
    this.statements.indexStory.run(rowid, c.headline, c.slugline, c.byline, c.bodyText);
  }
}

/** The pending index of this group transaction (written before its commit). */
export function pendingIndex(tx: GroupTransaction, statements: IngestStatements): PendingIndex {
  return tx.once("stories_fts", () => {
    const pending = new PendingIndex(statements);
    tx.beforeCommit(() => pending.flushAll());
    return pending;
  });
}
