/** The longest wait between polls of a failing feed (unless its own interval is longer). */
export const MAX_BACKOFF_SECONDS = 30 * 60;

/**
 * Seconds until the next poll: the feed's interval when all is well; after consecutive failures the
 * interval doubles each time (2×, 4×, 8×...), capped at 30 minutes.
 */
export function nextPollDelaySeconds(intervalSeconds: number, failures: number): number {
  if (failures <= 0) return intervalSeconds;
  const backedOff = intervalSeconds * 2 ** Math.min(failures, 20);
  return Math.max(intervalSeconds, Math.min(backedOff, MAX_BACKOFF_SECONDS));
}
