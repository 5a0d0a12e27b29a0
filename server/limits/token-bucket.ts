/**
 * A token bucket: holds up to `capacity` tokens and gains `perSecond` a second. Each event takes one;
 * an empty bucket refuses. Per socket, in the socket's own memory (a socket lives on one node), so it
 * needs no shared store.
 */
export class TokenBucket {
  private readonly capacity: number;
  private readonly perSecond: number;
  private readonly now: () => number;
  private tokens: number;
  private last: number;

  constructor(capacity: number, perSecond: number, now: () => number = Date.now) {
    this.capacity = capacity;
    this.perSecond = perSecond;
    this.now = now;
    this.tokens = capacity;
    this.last = now();
  }

  /** Takes a token; false when the bucket is empty (the event is refused). */
  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
