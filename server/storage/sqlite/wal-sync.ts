import { open } from "node:fs/promises";

/** Makes what is written to a file so far durable (an fsync), without blocking the event loop. */
export type FileSync = () => Promise<void>;

/** fsync of `file` on libuv's thread pool; a file that is not there holds nothing to make durable. */
export function fsyncFile(file: string): FileSync {
  return async () => {
    let handle;
    try {
      handle = await open(file, "r");
    } catch (error) {
      // SQLite removes the WAL only after checkpointing all of it into the database, which it syncs.
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  };
}

/**
 * Shares fsyncs between the commits that need one: a commit asks after it is written; if an fsync
 * is already running it may have started before that write, so the commit waits for the next one,
 * which starts when the running one ends and serves everyone who asked meanwhile. At most one runs
 * at a time, and every answer settles only after an fsync that began after its request.
 */
export class SharedSync {
  private readonly sync: FileSync;
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(sync: FileSync) {
    this.sync = sync;
  }

  /** Settles once everything written before this call is durable (rejects if the fsync fails). */
  request(): Promise<void> {
    if (this.next) return this.next;
    if (!this.running) return this.start();
    const after = this.running.then(
      () => undefined,
      () => undefined,
    );
    this.next = after.then(() => {
      this.next = null;
      return this.start();
    });
    return this.next;
  }

  private start(): Promise<void> {
    const run = this.sync().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }
}
