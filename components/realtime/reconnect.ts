/** Backoff for the reconnects Socket.IO does not make by itself (the server cut the socket or refused it). */
export class RetryTimer {
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  private readonly run: () => void;
  private readonly baseMs: number;
  private readonly maxMs: number;

  constructor(run: () => void, baseMs = 500, maxMs = 5000) {
    this.run = run;
    this.baseMs = baseMs;
    this.maxMs = maxMs;
  }

  /** Runs once after the next delay: 0.5 s, 1 s, 2 s, … up to 5 s, each ±50 %. */
  schedule(): void {
    if (this.timer !== null) return;
    const delay = Math.min(this.maxMs, this.baseMs * 2 ** this.attempt) * (0.5 + Math.random());
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, delay);
  }

  /** Connected again (or leaving): the next retry starts from the shortest delay. */
  reset(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.attempt = 0;
  }
}

/**
 * Asks the server whether this browser's session still works. True only for a 401: a server that
 * cannot be reached (or answers anything else) has not said the session ended.
 */
export async function sessionEnded(): Promise<boolean> {
  try {
    const response = await fetch("/api/auth/me", { credentials: "same-origin", cache: "no-store" });
    return response.status === 401;
  } catch {
    return false;
  }
}
