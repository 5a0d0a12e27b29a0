import { Fragment } from "react";
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

type ShortField = "slugline" | "byline" | "abstract";
const SHORT_FIELDS: { field: ShortField; part: string; className: string }[] = [
  { field: "slugline", part: "Slugline", className: "font-mono text-xs" },
  { field: "byline", part: "Byline", className: "text-xs" },
  { field: "abstract", part: "Abstract", className: "text-[13px]" },
];

/**
 * Two texts side by side, part by part (the desk copy's slugline, byline and abstract too, when either
 * side has them): the headline's row, then the body's, each a labelled group
 * ("Headline changes") with the older text on the left (words taken out struck through) and the newer
 * on the right (words put in marked). Where the space is narrow (a phone, a narrow pane) the two sides stack.
 */
export function SideBySideDiff({ diff, before, after }: { diff: { headline: readonly DiffOp[]; body: readonly DiffOp[]; tooLarge?: boolean } & Partial<Record<ShortField, readonly DiffOp[]>>; before: string; after: string }) {
  // A short field's cells say which field they are (the headline and the body are told by their look).
  const side = (ops: readonly DiffOp[], drop: DiffOp["op"], name: string, label: string, className: string, field?: string) => (
    <div className="min-w-0 rounded bg-slate-50 p-1.5 dark:bg-slate-900">
      <span aria-hidden="true" className="mb-0.5 block text-[11px] text-slate-500 @sm:hidden dark:text-slate-400">
        {field ? `${name} · ${field}` : name}
      </span>
      {field ? (
        <span aria-hidden="true" className="mb-0.5 hidden text-[11px] text-slate-500 @sm:block dark:text-slate-400">
          {field}
        </span>
      ) : null}
      <div role="group" aria-label={label} className={className}>
        <DiffText ops={ops.filter((op) => op.op !== drop)} />
      </div>
    </div>
  );
  const row = (part: string, ops: readonly DiffOp[], className: string, isShortField = false) => (
    <div role="group" aria-label={`${part} changes`} className="grid gap-1.5 @sm:grid-cols-2">
      {side(ops, "insert", before, `${part}: ${before}`, className, isShortField ? part : undefined)}
      {side(ops, "delete", after, `${part}: ${after}`, className, isShortField ? part : undefined)}
    </div>
  );
  const heading = "font-semibold text-slate-600 dark:text-slate-300";
  return (
    <div className="@container grid gap-1.5">
      {diff.tooLarge ? <p className="text-xs text-slate-500">Too large to compare word by word: the changed part is shown whole.</p> : null}
      <div aria-hidden="true" className="hidden gap-1.5 @sm:grid @sm:grid-cols-2">
        <span className={heading}>{before}</span>
        <span className={heading}>{after}</span>
      </div>
      {row("Headline", diff.headline, "font-semibold")}
      {SHORT_FIELDS.map(({ field, part, className }) => {
        const ops = diff[field];
        // A field empty on both sides takes no room.
        return ops && ops.some((op) => op.text.trim() !== "") ? <Fragment key={field}>{row(part, ops, className, true)}</Fragment> : null;
      })}
      {row("Body", diff.body, "whitespace-pre-wrap text-[13px]")}
    </div>
  );
}
