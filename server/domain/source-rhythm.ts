/** The fewest arrivals a source's rhythm is learned from. */
export const MIN_ARRIVALS_TO_LEARN = 8;
const MINUTE = 60_000;

/**
 * How long a source may be silent before it is unusual, learned from its own arrivals (epoch ms,
 * newest last): three times its 90th-percentile gap, at least 15 minutes and at most a day. Null
 * until it has {@link MIN_ARRIVALS_TO_LEARN} arrivals.
 */
export function learnedSilenceMs(arrivals: readonly number[]): number | null {
  if (arrivals.length < MIN_ARRIVALS_TO_LEARN) return null;
  const sorted = [...arrivals].sort((a, b) => a - b);
  const gaps = sorted.slice(1).map((t, i) => t - sorted[i]!).sort((a, b) => a - b);
  const p90 = gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.9))] ?? 0;
  return Math.min(24 * 60 * MINUTE, Math.max(15 * MINUTE, 3 * p90));
}
