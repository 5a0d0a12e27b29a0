"use client";

import { useQuery } from "@tanstack/react-query";
import type { StoryFilters } from "../filters/filter-params";
import { statsQuery } from "./queries";
import { useNow } from "../ui/use-now";
import { HourlyChart } from "./hourly-chart";
import { StateCounts } from "./state-counts";
import { useRefreshOnArrivals } from "./use-refresh-on-arrivals";

/** The header's numbers: stories per state in the queue in view, and per hour and agency; every minute and as stories change. */
export function DeskStats({ filters, onPickState }: { filters: StoryFilters; onPickState: (state: string) => void }) {
  const options = statsQuery(filters);
  const query = useQuery(options);
  // Soon after any change, so a count never lags long behind the lines, which change live.
  useRefreshOnArrivals(options.queryKey, 1_500);
  const now = useNow();
  if (!query.data) return null;
  return (
    <div className="flex min-w-0 items-center gap-3 overflow-hidden">
      <StateCounts states={query.data.states} cap={query.data.countCap} onPick={onPickState} />
      <div className="max-2xl:hidden">
        <HourlyChart hourly={query.data.hourly} now={now} />
      </div>
    </div>
  );
}
