import type { StorySummary } from "@/server/contract/story";

/** A short marker on a queue line; `tone` picks its colour. */
export interface StoryBadge {
  label: string;
  tone: "kill" | "correction" | "update" | "version";
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${n}${suffix}`;
}

/**
 * The version and signal badges of a story, most important first: KILLED (state killed or the agency
 * cancelled it), CORRECTION / UPDATE from the agency's signals, "agency update: version N" when the
 * agency sent a new version after an editor took the story, and "2nd version" and so on.
 */
export function storyBadges(story: StorySummary): StoryBadge[] {
  const badges: StoryBadge[] = [];
  const signals = story.signals.map((s) => s.toLowerCase());
  if (story.state === "killed" || story.pubStatus === "canceled" || signals.some((s) => s.includes("kill"))) badges.push({ label: "KILLED", tone: "kill" });
  if (signals.some((s) => s.includes("correct"))) badges.push({ label: "CORRECTION", tone: "correction" });
  if (signals.some((s) => s.includes("update") || s.includes("writethru") || s.includes("lead"))) badges.push({ label: "UPDATE", tone: "update" });
  if (story.agencyUpdateVersion !== null) badges.push({ label: `agency update: version ${story.agencyUpdateVersion}`, tone: "update" });
  if (story.versionCount > 1) badges.push({ label: `${ordinal(story.versionCount)} version`, tone: "version" });
  return badges;
}
