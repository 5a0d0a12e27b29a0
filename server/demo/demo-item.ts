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
}

/** Builds the item for `version` of a demo story: later versions add the story's update sentences. */
export function demoItem(story: DemoStory, options: { serial: number; version: number; pubStatus?: "usable" | "canceled"; at?: Date }): DemoItem {
  const pubStatus = options.pubStatus ?? "usable";
  const guid = `urn:demo:${story.agency.toLowerCase()}:${story.slug.toLowerCase()}:${options.serial}`;
  const [lead = "", ...rest] = story.paragraphs;
  const added = story.updates.slice(0, Math.max(0, options.version - 1));
  const paragraphs =
    pubStatus === "canceled"
      ? [`${story.agency} has withdrawn this story. Do not use it. A corrected account may follow.`]
      : [lead, ...added, ...rest];
  const headline = pubStatus === "canceled" ? `KILL ${story.headline}` : options.version > 1 ? `UPDATE ${options.version - 1}-${story.headline}` : story.headline;
  paragraphs[0] = `${story.place} (${story.agency}) - ${paragraphs[0] ?? ""}`;
  return { story, guid, version: options.version, pubStatus, at: options.at ?? new Date(), headline, paragraphs };
}
