import type { DeskVersion } from "@/server/contract/desk-copy";
import { clockTime } from "@/server/contract/clock";
import { ACTION_DONE } from "@/server/contract/workflow";

/** What each kind of version says before "by …". */
const STEP_WORDS: Record<string, string> = {
  ...ACTION_DONE,
  reopen: "Reopened for editing",
  restore: "Restored",
  "agency update": "Agency update brought in",
};

const names = (people: DeskVersion["contributors"]) => people.map((p) => p.name).join(", ");

/** A version's title in the history: "Submitted by Ann", "Edits by Ann, Bo", "Published on schedule". */
export function versionTitle(version: Pick<DeskVersion, "reason" | "actor" | "contributors">): string {
  if (version.reason === "editing") return version.contributors.length > 0 ? `Edits by ${names(version.contributors)}` : "Edited";
  const words = STEP_WORDS[version.reason] ?? version.reason;
  if (version.actor) return `${words} by ${version.actor.name}`;
  return version.reason === "publish" ? "Published on schedule" : words;
}

/** Who changed the text since the version before, for a step's second line ("edits by Ann"); null for an editing version. */
export function versionEdits(version: Pick<DeskVersion, "reason" | "contributors">): string | null {
  if (version.reason === "editing") return null;
  return version.contributors.length > 0 ? `edits by ${names(version.contributors)}` : "no edits";
}

type Named = Pick<DeskVersion, "id" | "reason" | "actor" | "contributors" | "at">;

/** Counts of each name, and the names that more than one version has. */
function repeated(names: readonly string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n > 1).map(([name]) => name));
}

/**
 * Each version's name where it stands alone (a "Compare with" choice, a side's heading): "Edits by
 * Ann, 14:02". Two that would read alike (the same step by the same people in the same minute) carry
 * the second ("14:02:31"), and if still alike a number in the order they were kept ("14:02:31 (2)").
 */
export function versionNames(versions: readonly Named[], timeZone?: string): Map<number, string> {
  const byMinute = versions.map((v) => `${versionTitle(v)}, ${clockTime(v.at, timeZone)}`);
  const sameMinute = repeated(byMinute);
  const named = versions.map((v, i) => (sameMinute.has(byMinute[i]!) ? `${versionTitle(v)}, ${clockTime(v.at, timeZone, true)}` : byMinute[i]!));
  const sameSecond = repeated(named);
  const seen = new Map<string, number>();
  return new Map(
    versions.map((v, i) => {
      const name = named[i]!;
      if (!sameSecond.has(name)) return [v.id, name];
      const n = (seen.get(name) ?? 0) + 1;
      seen.set(name, n);
      return [v.id, `${name} (${n})`];
    }),
  );
}
