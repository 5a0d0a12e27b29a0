import { TokenBucket } from "./token-bucket";

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
  private readonly bucket: TokenBucket;
  private readonly maxWaiting: number;
  private readonly waiting: ((go: boolean) => void)[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(options: { perSecond: number; burst: number; maxWaiting: number }, now: () => number = () => performance.now()) {
    this.bucket = new TokenBucket(Math.max(1, options.burst), options.perSecond, now);
    this.maxWaiting = options.maxWaiting;
  }

  /** Callers waiting for their turn now. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Resolves true when the caller may go ahead (at once, or at its turn); false when the line is full. */
  acquire(): Promise<boolean> {
    if (this.waiting.length === 0 && this.bucket.take()) return Promise.resolve(true);
    if (this.waiting.length >= this.maxWaiting) return Promise.resolve(false);
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.timer || this.waiting.length === 0) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        while (this.waiting.length > 0 && this.bucket.take()) this.waiting.shift()!(true);
        this.schedule();
      },
      Math.max(1, Math.ceil(this.bucket.msUntilToken())),
    );
    this.timer.unref();
  }
}
