import type { DiffOp } from "@/server/contract/version-diff";

/** Word-level changes inline: insertions in <ins>, deletions in <del>, each also announced to screen readers. */
export function DiffText({ ops }: { ops: readonly DiffOp[] }) {
  return (
    <>
      {ops.map((op, index) => {
        if (op.op === "insert") {
          return (
            <ins key={index} className="bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200">
              <span className="sr-only">[inserted: </span>
              {op.text}
              <span className="sr-only">]</span>
            </ins>
          );
        }
        if (op.op === "delete") {
          return (
            <del key={index} className="bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200">
              <span className="sr-only">[deleted: </span>
              {op.text}
              <span className="sr-only">]</span>
            </del>
          );
        }
        return <span key={index}>{op.text}</span>;
      })}
    </>
  );
}

/**
 * A version diff's headline and body changes, each a labelled group ("Headline changes", or with a
 * `subject`, "Agency headline changes"), after a note when the texts were too large to compare word by word.
 */
export function DiffParts({ diff, subject, bodyClassName, gap }: { diff: { headline: readonly DiffOp[]; body: readonly DiffOp[]; tooLarge?: boolean }; subject?: string; bodyClassName: string; gap: string }) {
  const named = (part: string) => (subject ? `${subject} ${part} changes` : `${part[0]!.toUpperCase()}${part.slice(1)} changes`);
  return (
    <>
      {diff.tooLarge ? <p className={`${gap} text-xs text-slate-500`}>Too large to compare word by word: the changed part is shown whole.</p> : null}
      <div role="group" aria-label={named("headline")} className={`${gap} font-semibold`}>
        <DiffText ops={diff.headline} />
      </div>
      <div role="group" aria-label={named("body")} className={`whitespace-pre-wrap ${bodyClassName}`}>
        <DiffText ops={diff.body} />
      </div>
    </>
  );
}
