import { urgencyLevel } from "@/server/contract/urgency";

/** The label (from the contract's one table) and colour classes of an urgency (1 FLASH … 9 LOWEST). */
export function urgencyStyle(urgency: number): { label: string; meaning: string; className: string } {
  const { label, meaning } = urgencyLevel(urgency);
  if (urgency <= 1) return { label, meaning, className: "bg-flash text-white" };
  if (urgency === 2) return { label, meaning, className: "bg-bulletin text-white" };
  if (urgency === 3) return { label, meaning, className: "bg-amber-300 text-amber-950 dark:bg-amber-500 dark:text-amber-950" };
  if (urgency === 4) return { label, meaning, className: "bg-blue-100 text-blue-900 dark:bg-blue-900 dark:text-blue-100" };
  if (urgency === 5) return { label, meaning, className: "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200" };
  // Quiet, but readable on a selected (blue) line in the dark theme too.
  return { label, meaning, className: "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300 dark:ring-1 dark:ring-slate-600" };
}

/** The urgencies an editor can pick, most urgent first. */
export const URGENCY_CHOICES = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** An urgency as a choice in a list: "1 FLASH", "5 ROUTINE", "9 LOWEST". */
export function urgencyChoice(level: number): string {
  return `${level} ${urgencyStyle(level).label}`;
}

/** True for the stories nobody may miss: FLASH and BULLETIN. */
export function isAlertUrgency(urgency: number): boolean {
  return urgency <= 2;
}

/** The tint of a whole queue line for FLASH and BULLETIN stories ("" for the rest). */
export function urgencyRowClass(urgency: number): string {
  if (urgency <= 1) return "bg-red-50 shadow-[inset_3px_0_0_var(--color-flash)] dark:bg-red-950/60";
  if (urgency === 2) return "bg-orange-50 shadow-[inset_3px_0_0_var(--color-bulletin)] dark:bg-orange-950/50";
  return "";
}
