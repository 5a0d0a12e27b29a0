import { formatCount } from "../ui/format-count";

/** The "N new" button in the column-head band: held arrivals, or (in a relevance search) new stories to search again for. */
export function NewArrivalsButton({ heldCount, searchCount, onReveal, onSearchAgain }: { heldCount: number; searchCount: number; onReveal: () => void; onSearchAgain: () => void }) {
  if (heldCount === 0 && searchCount === 0) return null;
  const isHeld = heldCount > 0;
  const count = isHeld ? heldCount : searchCount;
  return (
    <button
        type="button"
        onClick={isHeld ? onReveal : onSearchAgain}
        title={isHeld ? "Show the new stories at the top (n)" : "Run the search again to include new stories"}
        className="pointer-events-auto max-w-full truncate rounded-full bg-blue-700 px-3 py-px text-xs font-semibold leading-4 text-white shadow-sm hover:bg-blue-800 dark:bg-blue-500 dark:text-slate-950 dark:hover:bg-blue-400"
      >
        {isHeld ? `↑ ${formatCount(count)} new` : `${formatCount(count)} new since this search: search again`}
      </button>
  );
}
