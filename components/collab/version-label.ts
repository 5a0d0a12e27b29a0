import type { DeskVersion } from "@/server/contract/desk-copy";
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
