import path from "node:path";
import type Database from "better-sqlite3";
import { fsyncFile, SharedSync } from "./wal-sync";

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
 * settles only after its commit is durable, so callers still publish after commit. A lone unit costs
 * what a plain transaction costs.
 *
 * On a WAL database at synchronous=FULL, the group's commit is written without its fsync and the WAL
 * is synced on libuv's thread pool (one fsync shared by the groups that wait for it, see SharedSync):
 * the promises settle only then, so what is acknowledged is exactly as durable as at FULL, but the
 * event loop goes on reading keystrokes while the disk syncs. (A checkpoint syncs the WAL before it
 * copies frames into the database, so frames checkpointed meanwhile are durable too.)
 */
export class GroupCommit {
  private readonly sqlite: Database.Database;
  private queue: Job[] = [];
  /** When the next flush is due: this turn of the loop, or after the next round of I/O; null: none is. */
  private scheduled: "now" | "afterIo" | null = null;
  /** Tells a superseded flush callback (an "afterIo" one brought forward) to do nothing. */
  private generation = 0;
  /** The WAL's fsync off the loop, with the statements that take the commit's own fsync away and back; null: commits sync as configured. */
  private readonly durable: { sync: SharedSync; relax: Database.Statement; restore: Database.Statement } | null;

  /** `sync` replaces the WAL's fsync (tests); by default it is the real one when the database needs it. */
  constructor(sqlite: Database.Database, options: { sync?: () => Promise<void> } = {}) {
    this.sqlite = sqlite;
    const wal = !sqlite.memory && sqlite.pragma("journal_mode", { simple: true }) === "wal";
    const full = sqlite.pragma("synchronous", { simple: true }) === 2;
    this.durable =
      wal && full
        ? { sync: new SharedSync(options.sync ?? fsyncFile(path.resolve(`${sqlite.name}-wal`))), relax: sqlite.prepare("pragma synchronous = NORMAL"), restore: sqlite.prepare("pragma synchronous = FULL") }
        : null;
  }

  /**
   * Runs a synchronous unit of work in the next group commit. With `afterIo`, the commit waits one more
   * turn of the event loop, so what has already arrived on the sockets (the next keystrokes, and the
   * relays of this one to readers in this process) is read before the commit holds the loop,
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
    if (!this.durable) {
      settle(group, this.commit(group));
      return;
    }
    const { sync, relax, restore } = this.durable;
    relax.run();
    let outcomes: Outcome[];
    try {
      outcomes = this.commit(group);
    } finally {
      restore.run();
    }
    if (outcomes.every((outcome) => !outcome.ok)) {
      settle(group, outcomes);
      return;
    }
    // A failed fsync leaves the commit's durability unknown: its units fail (their callers retry).
    sync.request().then(
      () => settle(group, outcomes),
      (error: unknown) => settle(group, outcomes.map((outcome) => (outcome.ok ? { ok: false, error } : outcome))),
    );
  }

  /** Commits the group, or (if it rolls back) each unit alone: each unit's value or error. */
  private commit(group: readonly Job[]): Outcome[] {
    try {
      return this.attempt(group).map((value) => ({ ok: true, value }));
    } catch (error) {
      if (group.length === 1) return [{ ok: false, error }];
      // Rolled back: find the failing unit(s) by running each alone.
      return group.map((job) => {
        try {
          return { ok: true, value: this.attempt([job])[0] };
        } catch (own) {
          return { ok: false, error: own };
        }
      });
    }
  }
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

function settle(group: readonly Job[], outcomes: readonly Outcome[]): void {
  group.forEach((job, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) job.resolve(outcome.value);
    else job.reject(outcome.error);
  });
}
