import { TIME_RANGES } from "./filter-params";

function toLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function fromLocalInput(value: string): string {
  return value ? new Date(value).toISOString() : "";
}

/** Time range: any, the last hour / 8 h / 24 h / 7 days (sliding), or custom from/to. */
export function TimeRangeFilter({ range, since, until, onChange }: { range: string | undefined; since: string | undefined; until: string | undefined; onChange: (range: string, since: string, until: string) => void }) {
  const input = "h-6 rounded border border-slate-300 bg-white px-1 text-xs dark:border-slate-600 dark:bg-slate-900";
  const mode = range ?? (since || until ? "custom" : "");
  return (
    <span className="flex items-center gap-1 text-xs">
      <select aria-label="Time range" value={mode} onChange={(e) => onChange(e.target.value, since ?? "", until ?? "")} className={input}>
        <option value="">Any time</option>
        {TIME_RANGES.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
        <option value="custom">Custom…</option>
      </select>
      {mode === "custom" ? (
        <>
          <input type="datetime-local" aria-label="From" value={toLocalInput(since)} onChange={(e) => onChange("custom", fromLocalInput(e.target.value), until ?? "")} className={`${input} w-44`} />
          <input type="datetime-local" aria-label="To" value={toLocalInput(until)} onChange={(e) => onChange("custom", since ?? "", fromLocalInput(e.target.value))} className={`${input} w-44`} />
        </>
      ) : null}
    </span>
  );
}
