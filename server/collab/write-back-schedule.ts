/** When the write-backs are due: after a quiet time, at the latest after `maxMs`, gathered together. */
export interface WriteBackTiming {
  /** Quiet time after the last change before it is due. */
  quietMs: number;
  /** The longest the first change waits while changes go on. */
  maxMs: number;
  /** Items due this much later are taken along, so one moment writes many (one commit, one burst of events). */
  gatherMs: number;
}

/**
 * One timer for every open document's write-back. Each change moves its document's due time (quiet
 * time, capped); when the earliest is reached, every document due within `gatherMs` goes in one call of
 * `run`, so a desk typing in a hundred stories writes them back in a few commits a second, and each
 * desk gets their `story:upserted` events together rather than one at a time.
 */
export class WriteBackSchedule<T> {
  private readonly due = new Map<T, { first: number; at: number }>();
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Number.POSITIVE_INFINITY;
  private readonly timing: WriteBackTiming;
  private readonly run: (items: T[]) => void;

  private readonly now: () => number;

  /** `now`: a monotonic clock in milliseconds (a stepped wall clock must not delay a write-back). */
  constructor(timing: WriteBackTiming, run: (items: T[]) => void, now: () => number = () => performance.now()) {
    this.timing = timing;
    this.run = run;
    this.now = now;
  }

  /** `item` changed now. */
  changed(item: T): void {
    const now = this.now();
    const first = this.due.get(item)?.first ?? now;
    const at = Math.min(now + this.timing.quietMs, first + this.timing.maxMs);
    this.due.set(item, { first, at });
    // A timer set for earlier fires, finds nothing due yet and sets itself again: no scan per keystroke.
    this.arm(at, now);
  }

  /** Whether `item` changed since its last write-back began. */
  has(item: T): boolean {
    return this.due.has(item);
  }

  /** `item` is being written back (or is gone): nothing of it is due any more. */
  cancel(item: T): void {
    if (this.due.delete(item) && this.due.size === 0) this.stop();
  }

  /** Forgets everything due and stops the timer (the owner is closing). */
  clear(): void {
    this.due.clear();
    this.stop();
  }

  /** How many items wait for their write-back. */
  get size(): number {
    return this.due.size;
  }

  private arm(at: number, now: number): void {
    if (at === Number.POSITIVE_INFINITY || (this.timer && this.timerAt <= at)) return;
    this.stop();
    this.timerAt = at;
    this.timer = setTimeout(() => this.fire(), Math.max(0, at - now));
  }

  private fire(): void {
    this.timer = null;
    this.timerAt = Number.POSITIVE_INFINITY;
    const now = this.now();
    const ready: T[] = [];
    for (const [item, { at }] of this.due) if (at <= now + this.timing.gatherMs) ready.push(item);
    for (const item of ready) this.due.delete(item);
    let next = Number.POSITIVE_INFINITY;
    for (const { at } of this.due.values()) if (at < next) next = at;
    this.arm(next, now);
    if (ready.length > 0) this.run(ready);
  }

  private stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Number.POSITIVE_INFINITY;
  }
}
