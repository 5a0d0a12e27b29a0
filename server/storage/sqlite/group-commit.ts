import type Database from "better-sqlite3";

/**
 * What a unit of work may keep for the length of one transaction attempt: values read once and
 * shared by every unit of the group (`once`), and steps run after the last unit, before the commit
 * (`beforeCommit`). Both are thrown away if the attempt rolls back.
 */
export class GroupTransaction {
  private readonly values = new Map<string, unknown>();
  private readonly finishers: (() => void)[] = [];

  /** The value stored under `key` in this transaction, made by `make` the first time. */
  once<T>(key: string, make: () => T): T {
    if (!this.values.has(key)) this.values.set(key, make());
    return this.values.get(key) as T;
  }

  /** Runs `finish` after every unit of the group, inside the transaction (in registration order). */
  beforeCommit(finish: () => void): void {
    this.finishers.push(finish);
  }

  /** @internal Runs the registered finishers (GroupCommit calls it once, last). */
  finish(): void {
    for (const finish of this.finishers) finish();
  }
}

interface Job {
  work: (tx: GroupTransaction) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** The most units of work one group commit takes; the rest go in the next. */
const MAX_GROUP = 256;

/**
 * Group commit: units of work queued in the same turn of the event loop run in one SQLite
 * transaction (one fsync at synchronous=FULL). No savepoint separates them (a savepoint makes FTS5
 * flush its buffer, which is most of an index write), so if any unit throws, the whole group is
 * rolled back and every unit is run again in a transaction of its own: one failing unit still fails
 * alone. Units must therefore touch nothing but the database (they may run twice). Every promise
 * settles only after its commit, so callers still publish after commit. A lone unit costs what a
 * plain transaction costs.
 */
export class GroupCommit {
  private readonly sqlite: Database.Database;
  private queue: Job[] = [];
  /** When the next flush is due: this turn of the loop, or after the next round of I/O; null: none is. */
  private scheduled: "now" | "afterIo" | null = null;
  /** Tells a superseded flush callback (an "afterIo" one brought forward) to do nothing. */
  private generation = 0;

  constructor(sqlite: Database.Database) {
    this.sqlite = sqlite;
  }

  /**
   * Runs a synchronous unit of work in the next group commit. With `afterIo`, the commit waits one more
   * turn of the event loop, so what has already arrived on the sockets (the next keystrokes, and the
   * relays of this one to readers in this process) is read before the commit's fsync blocks the loop,
   * and joins the same commit. A unit without it brings the commit back to this turn.
   */
  run<T>(work: (tx: GroupTransaction) => T, options: { afterIo?: boolean } = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule(options.afterIo ? "afterIo" : "now");
    });
  }

  private schedule(when: "now" | "afterIo"): void {
    if (this.scheduled === "now" || this.scheduled === when) return;
    this.scheduled = when;
    const generation = ++this.generation;
    const flush = () => {
      if (generation === this.generation) this.flush();
    };
    // An immediate queued while immediates run waits for the next turn, after that turn's I/O.
    setImmediate(when === "now" ? flush : () => setImmediate(flush));
  }

  /** Runs units in one transaction; their finishers run after the last one. Throws if anything does. */
  private attempt(jobs: readonly Job[]): unknown[] {
    return this.sqlite.transaction(() => {
      const tx = new GroupTransaction();
      const values = jobs.map((job) => job.work(tx));
      tx.finish();
      return values;
    })();
  }

  private flush(): void {
    this.scheduled = null;
    const group = this.queue.splice(0, MAX_GROUP);
    if (this.queue.length > 0) this.schedule("now");
    let values: unknown[];
    try {
      values = this.attempt(group);
    } catch (error) {
      if (group.length === 1) {
        group[0]!.reject(error);
        return;
      }
      // Rolled back: find the failing unit(s) by running each alone.
      for (const job of group) {
        try {
          job.resolve(this.attempt([job])[0]);
        } catch (own) {
          job.reject(own);
        }
      }
      return;
    }
    group.forEach((job, index) => job.resolve(values[index]));
  }
}
