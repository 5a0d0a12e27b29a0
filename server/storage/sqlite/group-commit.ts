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
  /** See `syncOffLoop` in {@link GroupCommit.run}. */
  offLoop: boolean;
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
 * A group made only of `syncOffLoop` units (co-editing updates: rows nobody reads before the caller
 * is answered, no seq, no event) on a WAL file at synchronous=FULL is committed without its fsync, and
 * the WAL is then synced on libuv's thread pool (one fsync shared by the groups that wait for it, see
 * SharedSync): the promises settle only then, so what is acknowledged is exactly as durable as at FULL,
 * while the event loop goes on reading keystrokes. (A checkpoint syncs the WAL before it copies frames
 * into the database, and a later commit at FULL syncs the frames before it.) Every other group syncs
 * as configured, on the loop: its rows (a seq, a change the follower publishes) must not be seen before
 * they are durable, or another path could publish a later seq first. After a failed fsync the
 * durability of what the WAL holds is unknown, so every later group syncs on the loop (SQLite then
 * reports failures itself).
 */
export class GroupCommit {
  private readonly sqlite: Database.Database;
  private queue: Job[] = [];
  /** When the next flush is due: this turn of the loop, or after the next round of I/O; null: none is. */
  private scheduled: "now" | "afterIo" | null = null;
  /** Tells a superseded flush callback (an "afterIo" one brought forward) to do nothing. */
  private generation = 0;
  /** The WAL's fsync off the loop; null: every commit syncs as configured (in memory, at NORMAL, or after a failed fsync). */
  private offLoop: SharedSync | null;

  /** `sync` replaces the WAL's fsync (tests); by default it is the real one when the database needs it. */
  constructor(sqlite: Database.Database, options: { sync?: () => Promise<void> } = {}) {
    this.sqlite = sqlite;
    const wal = !sqlite.memory && sqlite.pragma("journal_mode", { simple: true }) === "wal";
    const full = sqlite.pragma("synchronous", { simple: true }) === 2;
    // The file SQLite itself opened (a symlink resolved, a relative path made absolute): its WAL sits beside it.
    const main = (sqlite.pragma("database_list") as { name: string; file: string }[]).find((d) => d.name === "main")?.file;
    this.offLoop = wal && full && main ? new SharedSync(options.sync ?? fsyncFile(`${main}-wal`)) : null;
  }

  /**
   * Runs a synchronous unit of work in the next group commit. With `afterIo`, the commit waits one more
   * turn of the event loop, so what has already arrived on the sockets (the next keystrokes, and the
   * relays of this one to readers in this process) is read before the commit holds the loop,
   * and joins the same commit. A unit without it brings the commit back to this turn. With
   * `syncOffLoop`, the unit says nobody reads its rows before its caller is answered (see the class).
   */
  run<T>(work: (tx: GroupTransaction) => T, options: { afterIo?: boolean; syncOffLoop?: boolean } = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject, offLoop: options.syncOffLoop === true });
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
    const offLoop = this.offLoop;
    if (!offLoop || !group.every((job) => job.offLoop)) {
      settle(group, this.commit(group));
      return;
    }
    const outcomes = this.commitWithoutSync(group);
    if (outcomes.every((outcome) => !outcome.ok)) {
      settle(group, outcomes);
      return;
    }
    offLoop.request().then(
      () => settle(group, outcomes),
      (error: unknown) => {
        // The commit's durability is unknown: its units fail (their callers retry), and from now on commits sync on the loop.
        if (this.offLoop === offLoop) this.offLoop = null;
        settle(group, outcomes.map((outcome) => (outcome.ok ? { ok: false, error } : outcome)));
      },
    );
  }

  /** Commits the group at synchronous=NORMAL (no fsync in the commit), and puts the connection back to FULL. */
  private commitWithoutSync(group: readonly Job[]): Outcome[] {
    try {
      // Run as pragmas each time: a prepared PRAGMA statement takes effect when it is prepared, not when run.
      this.sqlite.pragma("synchronous = NORMAL");
    } catch (error) {
      return group.map(() => ({ ok: false, error }));
    }
    const outcomes = this.commit(group);
    try {
      this.sqlite.pragma("synchronous = FULL");
    } catch (error) {
      // Left at NORMAL, later commits could not sync on the loop either: nothing more goes off it, and these fail.
      this.offLoop = null;
      return group.map(() => ({ ok: false, error }));
    }
    return outcomes;
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
