import { formatCount } from "../ui/format-count";
import type { StatsDto } from "@/server/contract/stats";

// Submitted stories wait for a chief: their count is always in the header.
const ALWAYS_SHOWN = new Set(["incoming", "in_progress", "submitted"]);

/** Stories per state in the queue in view; each count filters the queue to that state (a count at `cap` reads "cap+"). */
export function StateCounts({ states, cap, onPick }: { states: StatsDto["states"]; cap: number | null; onPick: (state: string) => void }) {
  const entries = Object.entries(states).filter(([state, count]) => count > 0 || ALWAYS_SHOWN.has(state));
  return (
    // One line: a count that does not fit goes whole to a second line, which is cut off (never half a count under the next control).
    <ul aria-label="Stories per state" className="flex h-6 min-w-0 flex-wrap items-center gap-x-0.5 overflow-hidden text-[11px]">
      {entries.map(([state, count]) => {
        const shown = `${formatCount(count)}${cap !== null && count >= cap ? "+" : ""}`;
        return (
          <li key={state}>
            <button
              type="button"
              onClick={() => onPick(state)}
              aria-label={`${state.replace("_", " ")}: ${shown}, show only these`}
              title={state === "submitted" ? "Waiting for a chief (Shift+W)" : undefined}
              className={`rounded px-1.5 py-0.5 hover:bg-slate-200 dark:hover:bg-slate-800 ${state === "submitted" && count > 0 ? "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200" : "text-slate-600 dark:text-slate-300"}`}
            >
              <span className="mr-1">{state.replace("_", " ")}</span>
              <span className="font-semibold tabular-nums text-slate-900 dark:text-slate-100">{shown}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
