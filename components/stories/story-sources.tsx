import { takeCredit, UNTITLED_TAKE } from "@/server/contract/new-story";
import type { StorySource } from "@/server/contract/story";

/**
 * "Sources: AP — headline, Reuters — headline": the takes a desk story was started from, each a link to
 * it ("Desk story (untitled)" for a blank desk story nobody titled).
 */
export function StorySources({ sources }: { sources: readonly StorySource[] }) {
  if (sources.length === 0) return null;
  return (
    <p aria-label="Sources" className="mb-3 text-xs text-slate-600 dark:text-slate-300">
      <span className="font-semibold">Sources: </span>
      {sources.map((source, i) => {
        const credit = takeCredit(source);
        return (
          <span key={source.id}>
            {i > 0 ? ", " : null}
            <a href={`/stories/${encodeURIComponent(source.id)}`} className="text-blue-700 underline-offset-2 hover:underline dark:text-blue-300">
              <span className="font-medium">{credit.source}</span>
              {credit.headline === null ? ` ${UNTITLED_TAKE}` : <> — <bdi>{credit.headline}</bdi></>}
            </a>
          </span>
        );
      })}
    </p>
  );
}
