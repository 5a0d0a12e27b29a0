import { diffWordsWithSpace } from "diff";
import type { AppContext } from "../app-context";
import { VersionDiffQuerySchema, type DiffOp, type VersionDiff } from "../contract/version-diff";
import { AppError } from "../errors";

// Word diffs of very different long texts are quadratic; past this budget the change is shown whole.
const DIFF_TIME_BUDGET_MS = 300;

/** The word-level difference between two texts, as equal/insert/delete runs. */
export function diffWords(before: string, after: string): DiffOp[] {
  const changes = diffWordsWithSpace(before, after, { timeout: DIFF_TIME_BUDGET_MS });
  if (!changes) {
    return [
      ...(before ? [{ op: "delete" as const, text: before }] : []),
      ...(after ? [{ op: "insert" as const, text: after }] : []),
    ];
  }
  return changes.map((c) => ({ op: c.added ? "insert" : c.removed ? "delete" : "equal", text: c.value }));
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
  };
}
