/** The answer to a reservation: the attempt may go ahead, or must wait this many seconds. */
export type Reservation = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counts attempts per key within a window. Callers reserve a unit *before* the guarded work runs
 * (reserve-then-check), so parallel attempts cannot all pass a check that is counted only afterwards.
 */
export interface Limiter {
  /** Takes one unit for the key; refused (with the wait) when the key has used its units in this window. */
  reserve(key: string): Promise<Reservation>;
  /** Gives one unit back: the attempt turned out not to count (a successful sign-in from an address). */
  refund(key: string): Promise<void>;
  /** Forgets the key's count (a successful sign-in for an account). */
  reset(key: string): Promise<void>;
}

/** A limit: at most `points` reservations per key within `durationSeconds`. */
export interface LimitOptions {
  /** Names the limit in a shared store (several limits can live side by side). */
  name: string;
  points: number;
  durationSeconds: number;
}

/** Makes limiters on one store: memory in one process; Redis or PostgreSQL when several nodes share the counts. */
export type LimiterFactory = (options: LimitOptions) => Limiter;
