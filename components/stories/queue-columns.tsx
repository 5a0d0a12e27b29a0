import type { ReactNode } from "react";
import { COLUMN, ROW_LAYOUT } from "./story-row";

/**
 * Column heads over the queue (visual only: each line's name already reads in full). `notice` (the
 * "N new" button) sits in this band beside the Headline head, so it never covers a line.
 */
export function QueueColumns({ notice }: { notice?: ReactNode }) {
  return (
    <div className="relative">
      <div aria-hidden className={`${ROW_LAYOUT} h-[22px] border-b border-slate-200 bg-slate-50 py-0.5 text-[10px] font-semibold uppercase tracking-wide text-slate-500 max-sm:[&>span]:invisible dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400`}>
      <span className={COLUMN.mark} />
      <span className={COLUMN.urgency}>Urgency</span>
      <span className={COLUMN.age}>Age</span>
      <span className={COLUMN.time}>Time</span>
      <span className={COLUMN.agency}>Agency</span>
      <span className={COLUMN.slug}>Slug</span>
      <span className={COLUMN.headline}>Headline</span>
      <span className={COLUMN.words}>Words</span>
      <span className={COLUMN.state}>State</span>
      <span className={COLUMN.presence}>On it</span>
      </div>
      {notice ? <div className="pointer-events-none absolute inset-y-0 left-1/3 right-24 flex items-center justify-center">{notice}</div> : null}
    </div>
  );
}
