/** The label and colour classes of an urgency (1 flash … 9 low). */
export function urgencyStyle(urgency: number): { label: string; className: string } {
  if (urgency <= 1) return { label: "FLASH", className: "bg-flash text-white" };
  if (urgency === 2) return { label: "BULLETIN", className: "bg-bulletin text-white" };
  if (urgency === 3) return { label: "URGENT", className: "bg-urgent text-white" };
  if (urgency === 4) return { label: "HIGH", className: "bg-high text-white" };
  if (urgency === 5) return { label: "ROUTINE", className: "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200" };
  return { label: "LOW", className: "bg-slate-100 text-slate-500 dark:bg-slate-800 dark:text-slate-400" };
}
