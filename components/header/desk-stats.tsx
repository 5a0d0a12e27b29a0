"use client";

import { useQuery } from "@tanstack/react-query";
import { statsQuery } from "../stories/queries";
import { useNow } from "../ui/use-now";
import { HourlyChart } from "./hourly-chart";
import { StateCounts } from "./state-counts";
import { useRefreshOnArrivals } from "./use-refresh-on-arrivals";

/** The header's numbers: stories per state and per hour and agency; every minute and as stories arrive. */
export function DeskStats({ onPickState }: { onPickState: (state: string) => void }) {
  const query = useQuery(statsQuery);
  useRefreshOnArrivals(statsQuery.queryKey, 10_000);
  const now = useNow();
  if (!query.data) return null;
  return (
    <div className="flex min-w-0 items-center gap-3 overflow-hidden">
      <StateCounts states={query.data.states} onPick={onPickState} />
      <HourlyChart hourly={query.data.hourly} now={now} />
    </div>
  );
}
