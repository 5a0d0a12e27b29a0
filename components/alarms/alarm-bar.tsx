"use client";

import { useQuery } from "@tanstack/react-query";
import type { AlarmKind } from "@/server/contract/alarms";
import { clockTime } from "@/server/contract/clock";
import { useDeskTimeZone } from "../ui/desk-time-zone";
import { alarmsQuery } from "./queries";

const LABELS: Record<AlarmKind, string> = {
  source_silent: "Source silent",
  ingest_backlog: "Ingest backlog",
  webhook_failing: "Webhook failing",
  disk_low: "Disk nearly full",
};

/** A strip under the header listing what operations must look at now; nothing when all is well. */
export function AlarmBar() {
  const { data } = useQuery(alarmsQuery);
  const timeZone = useDeskTimeZone();
  const alarms = data?.alarms ?? [];
  if (alarms.length === 0) return null;
  return (
    <section role="alert" aria-label="Alarms" className="border-b border-amber-300 bg-amber-50 px-3 py-1 text-xs text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <ul className="flex flex-col gap-0.5">
        {alarms.map((alarm) => (
          <li key={`${alarm.kind}:${alarm.subject}`} className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-semibold">{LABELS[alarm.kind]}</span>
            <span className="min-w-0 break-words">{alarm.message}</span>
            <time dateTime={alarm.since} className="text-amber-800 dark:text-amber-300">
              {/* HH:MM in the desk's zone, as on every queue line, not the browser's 12-hour clock. */}
              since {clockTime(alarm.since, timeZone)}
            </time>
          </li>
        ))}
      </ul>
    </section>
  );
}
