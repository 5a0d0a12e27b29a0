/** One look at a file: its size and modification time. */
export interface FileObservation {
  size: number;
  mtimeMs: number;
}

/**
 * Tells when a file has stopped changing: its size and mtime must be the same at two checks at least
 * `settleMs` apart, so a file still being written (or copied in chunks) is never read half.
 */
export class FileStability {
  private readonly seen = new Map<string, FileObservation & { since: number }>();
  private readonly settleMs: number;

  constructor(settleMs: number) {
    this.settleMs = settleMs;
  }

  /** Records an observation; true when the file has been unchanged for `settleMs`. */
  isStable(name: string, observation: FileObservation, now: number): boolean {
    const previous = this.seen.get(name);
    if (!previous || previous.size !== observation.size || previous.mtimeMs !== observation.mtimeMs) {
      this.seen.set(name, { ...observation, since: now });
      return false;
    }
    return now - previous.since >= this.settleMs;
  }

  /** Forgets a file (handled, vanished or renamed). */
  forget(name: string): void {
    this.seen.delete(name);
  }

  /** Forgets every file not in `present` (they went away between scans). */
  retainOnly(present: ReadonlySet<string>): void {
    for (const name of this.seen.keys()) if (!present.has(name)) this.seen.delete(name);
  }
}
