/**
 * Tracks the change-log seq from which this browser resumes after a reconnect.
 * It only moves forward past a catch-up once the server said the catch-up is complete,
 * so a connection lost mid-replay resumes from the old point and misses nothing.
 */
export class SyncCursor {
  private resumeSeq: number | undefined;
  private firstSeq: number | undefined;
  private isSynced = false;
  private pendingMax = 0;
  private readonly ready: Promise<void>;
  private markReady: () => void = () => {};

  constructor() {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  /** Resolves once a first list has given the seq to start from (connecting earlier could miss a change). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** The seq to send in the next handshake (undefined: start from now). */
  get lastSeq(): number | undefined {
    return this.resumeSeq;
  }

  /** The seq of the first list this page loaded: stories created after it are news to this page. */
  get initialSeq(): number | undefined {
    return this.firstSeq;
  }

  /** A list was loaded that reflects the log up to `seq`. */
  listLoaded(seq: number): void {
    if (this.resumeSeq === undefined) this.resumeSeq = seq;
    this.firstSeq ??= seq;
    this.markReady();
  }

  /** A (re)connection starts: events until `sync:completed` may be replay. */
  connecting(): void {
    this.isSynced = false;
    this.pendingMax = 0;
  }

  /** A `story:upserted` arrived. */
  eventReceived(seq: number): void {
    if (this.isSynced) this.resumeSeq = Math.max(this.resumeSeq ?? 0, seq);
    else this.pendingMax = Math.max(this.pendingMax, seq);
  }

  /** The server finished the catch-up up to `seq`. */
  syncCompleted(seq: number): void {
    this.resumeSeq = Math.max(this.resumeSeq ?? 0, seq, this.pendingMax);
    this.isSynced = true;
  }

  /** The server said this client is too far behind: everything is refetched, live from `seq` on. */
  reset(seq: number): void {
    this.resumeSeq = seq;
    this.isSynced = true;
  }
}
