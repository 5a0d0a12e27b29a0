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
