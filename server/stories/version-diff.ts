import { diffWordsWithSpace } from "diff";
import type { AppContext } from "../app-context";
import { VersionDiffQuerySchema, type DiffOp, type VersionDiff } from "../contract/version-diff";
import { AppError } from "../errors";

// Word diffs of very different long texts are quadratic; past this budget the change is shown whole.
const DIFF_TIME_BUDGET_MS = 300;
/**
 * The most characters (both sides together) compared word by word once the common start and end are
 * set aside. jsdiff checks its time budget only between rounds, and one round over a long text can
 * take seconds; this cap bounds every round, so the budget holds.
 */
export const MAX_COMPARED_CHARS = 20_000;

/** Length of the common start of two texts, ending at a white-space boundary. */
function commonStart(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === a.length && i === b.length) return i;
  while (i > 0 && !/\s/.test(a.charAt(i - 1))) i--;
  return i;
}

/**
 * Length of the common end of two texts (not overlapping `start`), beginning at the start of a word, so
 * the white space before it stays with the changed words (`old ` rather than ` old`), as a whole-text
 * word diff gives.
 */
function commonEnd(a: string, b: string, start: number): number {
  let i = 0;
  while (i < a.length - start && i < b.length - start && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  while (i > 0 && (!/\s/.test(a.charAt(a.length - i - 1)) || !/\s/.test(b.charAt(b.length - i - 1)) || /\s/.test(a.charAt(a.length - i)))) i--;
  return i;
}

/** True when what differs between the texts is too large to compare word by word (it is then shown whole). */
export function isTooLargeToCompare(before: string, after: string): boolean {
  const start = commonStart(before, after);
  const end = commonEnd(before, after, start);
  return before.length + after.length - 2 * (start + end) > MAX_COMPARED_CHARS;
}

function whole(before: string, after: string): DiffOp[] {
  return [...(before ? [{ op: "delete" as const, text: before }] : []), ...(after ? [{ op: "insert" as const, text: after }] : [])];
}

/** The word-level difference between two texts, as equal/insert/delete runs (bounded in time, see MAX_COMPARED_CHARS). */
export function diffWords(before: string, after: string): DiffOp[] {
  const start = commonStart(before, after);
  const end = commonEnd(before, after, start);
  const head: DiffOp[] = start > 0 ? [{ op: "equal", text: before.slice(0, start) }] : [];
  const tail: DiffOp[] = end > 0 ? [{ op: "equal", text: before.slice(before.length - end) }] : [];
  const a = before.slice(start, before.length - end);
  const b = after.slice(start, after.length - end);
  if (a.length + b.length > MAX_COMPARED_CHARS) return head.length + tail.length === 0 ? whole(a, b) : [...head, ...whole(a, b), ...tail];
  const changes = a === b ? [] : diffWordsWithSpace(a, b, { timeout: DIFF_TIME_BUDGET_MS });
  const middle: DiffOp[] = changes ? changes.map((c) => ({ op: c.added ? "insert" : c.removed ? "delete" : "equal", text: c.value })) : whole(a, b);
  return [...head, ...middle, ...tail];
}

/** What changed in headline and body between two agency versions of a story. */
export async function getVersionDiff(ctx: AppContext, id: string, params: URLSearchParams): Promise<VersionDiff> {
  const query = VersionDiffQuerySchema.safeParse({ from: params.get("from") ?? undefined, to: params.get("to") ?? undefined });
  if (!query.success) throw new AppError("invalid_query", "Give two agency version numbers: ?from=N&to=M.");
  if (!(await ctx.store.stories.getStory(id))) throw new AppError("not_found", "No story with that id.");
  const versions = await ctx.store.stories.listStoryVersions(id);
  // A supersede chain may reuse a number under a new guid; the latest stored one is meant.
  const find = (n: number) => versions.findLast((v) => v.agencyVersion === n);
  const from = find(query.data.from);
  const to = find(query.data.to);
  if (!from || !to) {
    const known = [...new Set(versions.map((v) => v.agencyVersion))].join(", ");
    throw new AppError("not_found", `This story has no version ${from ? query.data.to : query.data.from}; it has ${known}.`);
  }
  return {
    from: query.data.from,
    to: query.data.to,
    headline: diffWords(from.normalized.headline, to.normalized.headline),
    body: diffWords(from.normalized.bodyText, to.normalized.bodyText),
    tooLarge: isTooLargeToCompare(from.normalized.bodyText, to.normalized.bodyText),
  };
}
