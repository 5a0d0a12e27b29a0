import type { DemoStory } from "./demo-stories";

/** One agency version of a demo story, ready to be rendered in any wire format. */
export interface DemoItem {
  story: DemoStory;
  guid: string;
  version: number;
  pubStatus: "usable" | "canceled";
  at: Date;
  headline: string;
  /** Paragraphs; the first opens with the dateline `Place (Agency) - `. */
  paragraphs: string[];
  /** IPTC signals of this version: `sig:update` for an update, `sig:correction` for a correction. */
  signals: string[];
  /** The agency's note to editors (what a correction corrects, why a story is withdrawn). */
  editorNote: string | null;
}

/** What an agency version of a story is: the first, an update adding a sentence, a correction, or a kill. */
export type DemoVersionKind = "first" | "update" | "correction" | "kill";

/** The versions an agency sends of a story after the first, in order (updates, then a correction, then a kill). */
export function laterVersions(story: DemoStory): { version: number; kind: Exclude<DemoVersionKind, "first"> }[] {
  const kinds: Exclude<DemoVersionKind, "first">[] = [...story.updates.map(() => "update" as const), ...(story.correction ? ["correction" as const] : []), ...(story.isKilled ? ["kill" as const] : [])];
  return kinds.map((kind, i) => ({ version: i + 2, kind }));
}

/** The kind of `version` of a story (a canceled one is always a kill). */
export function versionKind(story: DemoStory, version: number, pubStatus: "usable" | "canceled"): DemoVersionKind {
  if (pubStatus === "canceled") return "kill";
  if (version <= 1) return "first";
  return version > story.updates.length + 1 && story.correction ? "correction" : "update";
}

/** The guid under which an agency sends every version of a story (one per demo cycle). */
export function demoGuid(story: DemoStory, serial: number): string {
  return `urn:demo:${story.agency.toLowerCase()}:${story.slug.toLowerCase()}:${serial}`;
}

/**
 * Builds the item for `version` of a demo story: the first as written (a fact a correction fixes
 * still wrong), updates adding the story's update sentences (`UPDATE n-`), the correction putting
 * the fact right (`CORRECTED-`, with the agency's note), a kill withdrawing it.
 */
export function demoItem(story: DemoStory, options: { serial: number; version: number; pubStatus?: "usable" | "canceled"; at?: Date }): DemoItem {
  const pubStatus = options.pubStatus ?? "usable";
  const kind = versionKind(story, options.version, pubStatus);
  const [lead = "", ...rest] = story.paragraphs;
  const added = story.updates.slice(0, Math.max(0, options.version - 1));
  let paragraphs = [lead, ...added, ...rest];
  let headline = kind === "update" ? `UPDATE ${options.version - 1}-${story.headline}` : story.headline;
  let editorNote: string | null = null;
  if (kind === "correction" && story.correction) {
    const { wrong, right, note } = story.correction;
    paragraphs = paragraphs.map((p) => p.replace(wrong, right));
    headline = `CORRECTED-${story.headline}`;
    editorNote = note;
  }
  if (kind === "kill") {
    paragraphs = [`${story.agency} has withdrawn this story. Do not use it. A corrected account may follow.`];
    headline = `KILL ${story.headline}`;
    editorNote = `Withdrawn by ${story.agency}. Do not use.`;
  }
  paragraphs[0] = `${story.place} (${story.agency}) - ${paragraphs[0] ?? ""}`;
  const signals = kind === "update" ? ["sig:update"] : kind === "correction" ? ["sig:correction"] : [];
  return { story, guid: demoGuid(story, options.serial), version: options.version, pubStatus, at: options.at ?? new Date(), headline, paragraphs, signals, editorNote };
}
