import type { NormalizedStory } from "./normalized-story";

/** What an arriving agency item does to the story it belongs to. */
export type VersionDecision =
  /** A newer version (or a new guid replacing this story's guid): overwrite the story. */
  | "update"
  /** Seen before (same guid and version): nothing changes. */
  | "duplicate"
  /** An older or superseded version arriving late: kept in history, never shown over the newer one. */
  | "history"
  /** An agency kill that is not newer than the current version: keep the content, mark the story killed. */
  | "kill";

/** The parts of the stored story the decision depends on. */
export interface CurrentVersion {
  guid: string;
  agencyVersion: number;
  pubStatus: string;
}

/**
 * Decides how an arriving item applies to an existing story. Versions compare numerically (agencies
 * jump, e.g. 978556838 then 1542761538); a kill always kills, whatever its version.
 * `foundByOwnGuid` is true when the item's own guid was already linked to the story.
 */
export function decideVersion(current: CurrentVersion, item: NormalizedStory, foundByOwnGuid: boolean): VersionDecision {
  const isNewKill = item.pubStatus === "canceled" && current.pubStatus !== "canceled";
  if (item.guid === current.guid) {
    if (item.version > current.agencyVersion) return "update";
    if (isNewKill) return "kill";
    return item.version === current.agencyVersion ? "duplicate" : "history";
  }
  // A guid never seen before that names one of this story's guids in `supersedes` replaces it.
  if (!foundByOwnGuid || item.supersedes.includes(current.guid)) return "update";
  // Otherwise the item is under a guid this story has already replaced: a late, older take.
  return isNewKill ? "kill" : "history";
}

/** States in which an editor is working on (or has used) a story, so a new agency version must be flagged. */
export function isTakenState(state: string): boolean {
  return state !== "incoming" && state !== "spiked" && state !== "killed";
}
