/**
 * Paces work to at most `perSecond` a second, evenly: a token bucket holding `burst` tokens (a few
 * milliseconds' worth), and a first-come first-served line of at most `maxWaiting` callers, let through as
 * tokens come in. Past that line a caller is refused at once. A node's own CPU is what it protects, so it
 * lives in the node's memory and is never shared between nodes.
 *
 * Not rate-limiter-flexible's RateLimiterQueue: that one counts in fixed windows, so a whole window's
 * budget can go through at its start, the very burst this is here to smooth.
 */
export class Pacer {
  private readonly perSecond: number;
  private readonly burst: number;
  private readonly maxWaiting: number;
  private readonly now: () => number;
  private readonly waiting: ((go: boolean) => void)[] = [];
  private tokens: number;
  private last: number;
  private timer: NodeJS.Timeout | null = null;

  constructor(options: { perSecond: number; burst: number; maxWaiting: number }, now: () => number = () => performance.now()) {
    this.perSecond = options.perSecond;
    this.burst = Math.max(1, options.burst);
    this.maxWaiting = options.maxWaiting;
    this.now = now;
    this.tokens = this.burst;
    this.last = now();
  }

  /** Callers waiting for their turn now. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves true when the caller may go ahead (at once, or at its turn); false when the line is full. */
  acquire(): Promise<boolean> {
    this.refill();
    if (this.waiting.length === 0 && this.tokens >= 1) {
      this.tokens -= 1;
      return Promise.resolve(true);
    }
    if (this.waiting.length >= this.maxWaiting) return Promise.resolve(false);
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  /** Lets everyone waiting go (a server stopping answers them rather than leaving them hanging). */
  drain(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const resolve of this.waiting.splice(0)) resolve(false);
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }

  private schedule(): void {
    if (this.timer || this.waiting.length === 0) return;
    const wait = Math.max(1, Math.ceil(((1 - this.tokens) / this.perSecond) * 1000));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.refill();
      while (this.tokens >= 1 && this.waiting.length > 0) {
        this.tokens -= 1;
        this.waiting.shift()!(true);
      }
      this.schedule();
    }, wait);
    this.timer.unref();
  }
}
