import { formatCount } from "../ui/format-count";
import type { StatsDto } from "@/server/contract/stats";

const ALWAYS_SHOWN = new Set(["incoming", "in_progress"]);

/** Stories per state across the desk; each count filters the queue to that state. */
export function StateCounts({ states, onPick }: { states: StatsDto["states"]; onPick: (state: string) => void }) {
  const entries = Object.entries(states).filter(([state, count]) => count > 0 || ALWAYS_SHOWN.has(state));
  return (
    <ul aria-label="Stories per state" className="flex items-center gap-0.5 text-[11px]">
      {entries.map(([state, count]) => (
        <li key={state}>
          <button
            type="button"
            onClick={() => onPick(state)}
            aria-label={`${state.replace("_", " ")}: ${count}, show only these`}
            className="rounded px-1.5 py-0.5 text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-800"
          >
            <span className="mr-1">{state.replace("_", " ")}</span>
            <span className="font-semibold tabular-nums text-slate-900 dark:text-slate-100">{formatCount(count)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
