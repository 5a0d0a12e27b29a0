import type Database from "better-sqlite3";
import { closeSync, fdatasync, openSync } from "node:fs";

/** Flushes a file's data to the disk off the event loop (Node's thread pool); the callback hears how it went. */
export type DataSync = (fd: number, done: (error: Error | null) => void) => void;

/**
 * Commits whose flush to the disk happens off the event loop, with the durability of
 * synchronous=FULL. At FULL, SQLite syncs the WAL inside every commit, and the whole process waits
 * for the disk (about a millisecond here): no keystroke, push or request is served meanwhile. Here
 * the transaction commits at NORMAL (the WAL is written, not synced: a killed process loses
 * nothing, the OS holds it) and then the WAL is synced on the thread pool; callers hear of their
 * commit only after that sync, so what they acknowledge survives a power cut as at FULL. (At NORMAL,
 * SQLite itself syncs the WAL before every checkpoint and the database file after it, so frames
 * moved into the database file meanwhile are on the disk too.) Commits that arrive while a sync is
 * under way share the next one.
 *
 * Only for a WAL file database at FULL (or EXTRA); anything else commits as it is set, with nothing to wait for.
 */
export class WalSync {
  private readonly sqlite: Database.Database;
  private readonly dataSync: DataSync;
  /** A file database in WAL mode (nothing else has a WAL to sync). */
  private readonly applies: boolean;
  private fd: number | null = null;
  /** The sync under way, if any (settles when its commits have heard). */
  private syncing: Promise<void> | null = null;
  /** Waiting for a sync that starts after their commit. */
  private waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];

  constructor(sqlite: Database.Database, dataSync: DataSync = fdatasync) {
    this.sqlite = sqlite;
    this.dataSync = dataSync;
    this.applies = !sqlite.memory && sqlite.pragma("journal_mode", { simple: true }) === "wal";
  }

  /**
   * Runs `transaction` (which commits, synchronously) and answers once what it committed is on the
   * disk. If it throws, nothing is waited for and the error is thrown here, synchronously.
   */
  commit<T>(transaction: () => T): { value: T; durable: Promise<void> } {
    // The level the connection is set to: below FULL, nothing is synced at commit, so nothing is here.
    const level = this.applies ? (this.sqlite.pragma("synchronous", { simple: true }) as number) : 0;
    const fd = level >= 2 ? this.walFd() : null;
    if (fd === null) return { value: transaction(), durable: Promise.resolve() };
    this.sqlite.pragma("synchronous = NORMAL");
    let value: T;
    try {
      value = transaction();
    } finally {
      this.sqlite.pragma(`synchronous = ${level}`);
    }
    const durable = new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.startSync(fd);
    return { value, durable };
  }

  /** Waits for the syncs under way, then closes the WAL file handle (the connection's own stays open). */
  async close(): Promise<void> {
    while (this.syncing) await this.syncing;
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /** The WAL file, opened once; null while it cannot be (then commits sync inside, at FULL). */
  private walFd(): number | null {
    if (this.fd !== null) return this.fd;
    try {
      this.fd = openSync(`${this.sqlite.name}-wal`, "r+");
    } catch {
      return null;
    }
    return this.fd;
  }

  private startSync(fd: number): void {
    if (this.syncing || this.waiting.length === 0) return;
    const batch = this.waiting;
    this.waiting = [];
    this.syncing = new Promise<void>((settled) =>
      this.dataSync(fd, (error) => {
        this.syncing = null;
        for (const waiter of batch) {
          if (error) waiter.reject(new Error(`the commit could not be flushed to the disk: ${error.message}`));
          else waiter.resolve();
        }
        // Commits made while this sync ran need one that starts after them.
        this.startSync(fd);
        settled();
      }),
    );
  }
}
