/**
 * Collects items and hands them over in batches aligned to animation frames, at most one batch per
 * `minIntervalMs`: a burst of socket events (100 stories/s) costs a few cache writes and renders per
 * second, while a lone event still lands on the next frame. A hidden tab gets no frames: there the
 * batch is flushed at the end of the current task instead, so alerts and the cache never wait.
 */
export class FrameBatcher<T> {
  private items: T[] = [];
  private frame: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private isMicrotaskQueued = false;
  private lastFlush = -Infinity;
  private readonly flushBatch: (items: T[]) => void;
  private readonly minIntervalMs: number;

  constructor(flush: (items: T[]) => void, minIntervalMs = 100) {
    this.flushBatch = flush;
    this.minIntervalMs = minIntervalMs;
  }

  /** Queues an item for the next batch. */
  push(item: T): void {
    this.items.push(item);
    if (typeof document !== "undefined" && document.visibilityState === "hidden") {
      if (!this.isMicrotaskQueued) {
        this.isMicrotaskQueued = true;
        queueMicrotask(() => this.flush());
      }
      return;
    }
    if (this.frame !== null || this.timer !== null) return;
    const wait = this.lastFlush + this.minIntervalMs - performance.now();
    if (wait <= 0) this.frame = requestAnimationFrame(() => this.flush());
    else
      this.timer = setTimeout(() => {
        this.timer = null;
        this.frame = requestAnimationFrame(() => this.flush());
      }, wait);
  }

  /** Hands over everything queued now. */
  flush(): void {
    this.cancel();
    this.isMicrotaskQueued = false;
    if (this.items.length === 0) return;
    const batch = this.items;
    this.items = [];
    this.lastFlush = performance.now();
    this.flushBatch(batch);
  }

  /** Drops the queue and any scheduled flush. */
  dispose(): void {
    this.cancel();
    this.items = [];
  }

  private cancel(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    if (this.timer !== null) clearTimeout(this.timer);
    this.frame = null;
    this.timer = null;
  }
}
