import { URGENCY_CHOICES, urgencyChoice } from "../stories/urgency";

/** Urgency range: from (most urgent allowed) to (least urgent allowed); 1 is FLASH, 9 the lowest. */
export function UrgencyFilter({ min, max, onChange }: { min: string | undefined; max: string | undefined; onChange: (min: string, max: string) => void }) {
  const select = "h-6 rounded border border-slate-300 bg-white px-0.5 text-xs dark:border-slate-600 dark:bg-slate-900";
  return (
    <span className="flex items-center gap-1 text-xs">
      <span aria-hidden>Urgency</span>
      <select aria-label="Urgency from" value={min ?? ""} onChange={(e) => onChange(e.target.value, max ?? "")} className={select}>
        <option value="">1 FLASH</option>
        {URGENCY_CHOICES.slice(1).map((l) => (
          <option key={l} value={String(l)}>
            {urgencyChoice(l)}
          </option>
        ))}
      </select>
      <span aria-hidden>–</span>
      <select aria-label="Urgency to" value={max ?? ""} onChange={(e) => onChange(min ?? "", e.target.value)} className={select}>
        {URGENCY_CHOICES.slice(0, -1).map((l) => (
          <option key={l} value={String(l)}>
            {urgencyChoice(l)}
          </option>
        ))}
        <option value="">9 LOWEST</option>
      </select>
    </span>
  );
}
