import type { HourlyCount } from "@/server/contract/stats";

const HOUR_MS = 3_600_000;

/** One hour's bar: its start and the count per series, stacked in series order. */
export interface HourBar {
  hour: string;
  counts: number[];
  total: number;
}

/** The chart: the series (the busiest agencies, then "other"), 24 hourly bars oldest first, the tallest bar. */
export interface HourlyChart {
  series: string[];
  bars: HourBar[];
  max: number;
  total: number;
}

/**
 * Buckets `GET /api/stats` hourly counts into 24 bars ending with the current hour, keeping the
 * `maxSeries` busiest agencies as their own series and the rest as "other".
 */
export function buildHourlyChart(hourly: readonly HourlyCount[], now: number, maxSeries = 5): HourlyChart {
  const lastHour = Math.floor(now / HOUR_MS) * HOUR_MS;
  const firstHour = lastHour - 23 * HOUR_MS;
  const totals = new Map<string, number>();
  for (const row of hourly) totals.set(row.agency ?? "unknown", (totals.get(row.agency ?? "unknown") ?? 0) + row.count);
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([agency]) => agency);
  const named = ranked.slice(0, maxSeries);
  const series = ranked.length > maxSeries ? [...named, "other"] : named;
  const bars: HourBar[] = Array.from({ length: 24 }, (_, i) => ({ hour: new Date(firstHour + i * HOUR_MS).toISOString(), counts: series.map(() => 0), total: 0 }));
  for (const row of hourly) {
    const index = Math.floor((Date.parse(row.hour) - firstHour) / HOUR_MS);
    const bar = bars[index];
    if (!bar) continue;
    const agency = row.agency ?? "unknown";
    const s = named.includes(agency) ? named.indexOf(agency) : series.length - 1;
    bar.counts[s] = (bar.counts[s] ?? 0) + row.count;
    bar.total += row.count;
  }
  const max = Math.max(0, ...bars.map((b) => b.total));
  return { series, bars, max, total: bars.reduce((sum, b) => sum + b.total, 0) };
}
