/** Shown while stories are marked: bulk spike, a new story from the marked takes and clearing the marks (Shift+S, Shift+T and x for keys). */
export function BulkBar({ count, canEdit, onSpike, onNewStory, onClear }: { count: number; canEdit: boolean; onSpike: () => void; onNewStory: () => void; onClear: () => void }) {
  if (count === 0) return null;
  const action = "rounded bg-slate-800 px-2 py-0.5 font-semibold text-white hover:bg-slate-700 disabled:opacity-40 dark:bg-slate-200 dark:text-slate-900";
  return (
    <div role="region" aria-label="Bulk actions" className="flex items-center gap-2 border-b border-blue-200 bg-blue-50 px-2 py-1 text-xs dark:border-blue-900 dark:bg-blue-950">
      <span className="font-medium">{count} marked</span>
      <button type="button" disabled={!canEdit} onClick={onSpike} className={action}>
        Spike marked (Shift+S)
      </button>
      <button type="button" disabled={!canEdit} onClick={onNewStory} aria-keyshortcuts="Shift+T" className={action}>
        New story from these takes (Shift+T)
      </button>
      <button type="button" onClick={onClear} className="rounded px-2 py-0.5 hover:bg-blue-100 dark:hover:bg-blue-900">
        Clear marks
      </button>
    </div>
  );
}
