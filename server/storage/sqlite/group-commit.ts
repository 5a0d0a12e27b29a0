import type Database from "better-sqlite3";

interface Job {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** The most units of work one group commit takes; the rest go in the next. */
const MAX_GROUP = 256;

/**
 * Group commit: units of work queued in the same turn of the event loop run in one SQLite
 * transaction (one fsync at synchronous=FULL), each in its own savepoint, so one failing unit
 * rolls back alone. Every promise settles only after the shared commit, so callers still
 * publish after commit. A lone unit costs what a plain transaction costs.
 */
export class GroupCommit {
  private readonly sqlite: Database.Database;
  private queue: Job[] = [];
  private isScheduled = false;

  constructor(sqlite: Database.Database) {
    this.sqlite = sqlite;
  }

  /** Runs a synchronous unit of work in the next group commit. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.isScheduled) return;
    this.isScheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.isScheduled = false;
    const group = this.queue.splice(0, MAX_GROUP);
    if (this.queue.length > 0) this.schedule();
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.sqlite.transaction(() => {
        for (const job of group) {
          try {
            outcomes.push({ ok: true, value: this.sqlite.transaction(job.work)() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      for (const job of group) job.reject(error); // the commit itself failed: nothing of the group is stored
      return;
    }
    group.forEach((job, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }
}
