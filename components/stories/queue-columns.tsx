import { COLUMN, ROW_LAYOUT } from "./story-row";

/** Column heads over the queue (visual only: each line's name already reads in full). */
export function QueueColumns() {
  return (
    <div aria-hidden className={`${ROW_LAYOUT} border-b border-slate-200 bg-slate-50 py-0.5 text-[10px] font-semibold uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400`}>
      <span className={COLUMN.mark} />
      <span className={COLUMN.urgency}>Urgency</span>
      <span className={COLUMN.age}>Age</span>
      <span className={COLUMN.agency}>Agency</span>
      <span className={COLUMN.slug}>Slug</span>
      <span className={COLUMN.headline}>Headline</span>
      <span className={COLUMN.words}>Words</span>
      <span className={COLUMN.state}>State</span>
      <span className={COLUMN.presence}>On it</span>
    </div>
  );
}
