"use client";

import { useMemo } from "react";
import type { HourlyCount } from "@/server/contract/stats";
import { buildHourlyChart } from "./hourly-chart-data";

const COLORS = ["#2563eb", "#16a34a", "#d97706", "#db2777", "#7c3aed", "#64748b"];
const BAR = 5;
const GAP = 1;
const HEIGHT = 22;
const hourFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

/** Stories per hour per agency over the last 24 h, as a tiny stacked bar chart (inline SVG). */
export function HourlyChart({ hourly, now }: { hourly: readonly HourlyCount[]; now: number }) {
  const chart = useMemo(() => buildHourlyChart(hourly, now), [hourly, now]);
  const busiest = chart.bars.reduce((best, bar) => (bar.total > best.total ? bar : best), chart.bars[0]!);
  const summary =
    chart.total === 0
      ? "No stories in the last 24 hours"
      : `${chart.total} stories in the last 24 hours from ${chart.series.join(", ")}; busiest hour ${hourFormat.format(new Date(busiest.hour))} with ${busiest.total}`;
  const scale = chart.max > 0 ? HEIGHT / chart.max : 0;
  return (
    <figure className="flex items-center gap-1.5" aria-label="Stories per hour">
      <svg role="img" aria-label={summary} width={24 * (BAR + GAP)} height={HEIGHT} className="overflow-visible">
        <title>{summary}</title>
        <rect x={0} y={0} width={24 * (BAR + GAP)} height={HEIGHT} rx={2} className="fill-slate-100 dark:fill-slate-800/70" />
        {[6, 12, 18].map((h) => (
          <line key={h} x1={h * (BAR + GAP) - GAP / 2} x2={h * (BAR + GAP) - GAP / 2} y1={0} y2={HEIGHT} className="stroke-slate-200 dark:stroke-slate-700" strokeDasharray="2 2" />
        ))}
        {chart.bars.map((bar, i) => {
          let y = HEIGHT;
          return (
            <g key={bar.hour}>
              <title>{`${hourFormat.format(new Date(bar.hour))}: ${bar.total} (${chart.series.map((s, k) => `${s} ${bar.counts[k]}`).join(", ")})`}</title>
              <rect x={i * (BAR + GAP)} y={0} width={BAR} height={HEIGHT} fill="transparent" />
              {bar.counts.map((count, k) => {
                const h = count * scale;
                y -= h;
                return count > 0 ? <rect key={k} x={i * (BAR + GAP)} y={y} width={BAR} height={Math.max(h, 0.5)} fill={COLORS[k % COLORS.length]} /> : null;
              })}
            </g>
          );
        })}
      </svg>
      <figcaption className="flex max-h-[25px] max-w-44 flex-wrap gap-x-1.5 overflow-hidden text-[10px] leading-tight text-slate-500 dark:text-slate-400">
        <span className="font-semibold">24 h</span>
        {chart.series.map((s, k) => (
          <span key={s} className="flex max-w-[6rem] items-center gap-0.5 overflow-hidden whitespace-nowrap">
            <span aria-hidden className="inline-block size-1.5 rounded-sm" style={{ background: COLORS[k % COLORS.length] }} />
            {s}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
