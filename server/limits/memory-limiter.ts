import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Limiter, LimiterFactory, LimitOptions, Reservation } from "./limiter";

/**
 * Wraps one rate-limiter-flexible limiter (any store) as a {@link Limiter}. Counting is atomic in
 * every store the library has, so a reservation is decided before the caller does any work.
 */
export function wrapRateLimiter(limiter: RateLimiterAbstract): Limiter {
  return {
    async reserve(key): Promise<Reservation> {
      try {
        await limiter.consume(key, 1);
        return { ok: true };
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error; // the store failed: not a verdict on the key
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
      }
    },
    async refund(key) {
      // Only a count that still exists: refunding an expired window would hand out an extra unit.
      const current = await limiter.get(key);
      if (current && current.consumedPoints > 0) await limiter.reward(key, 1);
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}

/**
 * Limiters counted in this process's memory. Each key expires on its own when its window ends, so
 * memory is bounded by the keys active in one window and nobody's count is ever cleared early.
 */
export const memoryLimiters: LimiterFactory = (options: LimitOptions) =>
  wrapRateLimiter(new RateLimiterMemory({ keyPrefix: options.name, points: options.points, duration: options.durationSeconds }));
