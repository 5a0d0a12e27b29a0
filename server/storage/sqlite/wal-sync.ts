import { close, fsync, open } from "node:fs";

/** Makes what is written to a file so far durable (an fsync), without blocking the event loop. */
export type FileSync = () => Promise<void>;

/**
 * fsync of `file` on libuv's thread pool, opened for each sync (a WAL that SQLite removed and made
 * again is never synced through a stale descriptor). A file that is not there is an error: the WAL of
 * an open connection that has committed is there, so a missing one means the path is not SQLite's.
 * Plain callbacks: a FileHandle costs several times as much JavaScript per sync.
 */
export function fsyncFile(file: string): FileSync {
  return () =>
    new Promise<void>((resolve, reject) => {
      open(file, "r", (openError, fd) => {
        if (openError) return reject(openError);
        fsync(fd, (syncError) =>
          close(fd, (closeError) => {
            const error = syncError ?? closeError;
            if (error) reject(error);
            else resolve();
          }),
        );
      });
    });
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
