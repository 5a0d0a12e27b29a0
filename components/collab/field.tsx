import type { ReactNode } from "react";

/** The classes of every editing control (co-edited or not), light and dark. */
export const FIELD_CONTROL =
  "w-full rounded border border-slate-300 bg-white px-2 py-1 outline-none focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 dark:border-slate-600 dark:bg-slate-900";

/**
 * A length, turning red past `limit` (when there is one). It sits over the name of a co-editor whose
 * caret is near the end of the field below (the name floats up into this row), so it stays readable;
 * the field's stacking context (`isolate`) keeps both under the pane's sticky header.
 */
export function Counter({ id, label, length, limit, unit }: { id?: string; label: string; length: number; limit?: number; unit?: string }) {
  const isOver = limit !== undefined && length > limit;
  // What the field it counts says of itself (aria-describedby): the numbers in words, and past the limit not by colour alone.
  const shown = `${limit === undefined ? length : `${length}/${limit}`}${unit ? ` ${unit}` : ""}`;
  const described = limit === undefined ? shown : `${length} of ${limit} characters${isOver ? ", over the limit" : ""}`;
  return (
    <>
      <span aria-label={`${label} length`} data-over-limit={isOver} className={`relative z-20 rounded-sm bg-white px-0.5 font-mono text-[11px] dark:bg-slate-950 ${isOver ? "font-bold text-red-600 dark:text-red-400" : "text-slate-500 dark:text-slate-400"}`}>
        {shown}
      </span>
      {id ? (
        <span id={id} hidden>
          {described}
        </span>
      ) : null}
    </>
  );
}

/**
 * One labelled field of the editing pane: its name, an optional counter beside it, and the control
 * (a co-edited text, an input, a select). The label wraps the control, so the control gets its name.
 */
export function Field({ label, counter, className, children }: { label: string; counter?: ReactNode; className?: string; children: ReactNode }) {
  return (
    <label className={`isolate grid gap-0.5 text-xs font-medium ${className ?? ""}`}>
      {counter ? (
        <span className="flex justify-between">
          {label} {counter}
        </span>
      ) : (
        label
      )}
      {children}
    </label>
  );
}
