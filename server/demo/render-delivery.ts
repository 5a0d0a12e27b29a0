import type { WireFormat } from "../ingest/normalized-story";
import type { DemoStory } from "./demo-stories";

/** Renders a demo story as a real wire format (ninjs 2.x for now). */
export function renderDemoDelivery(story: DemoStory, options: { tick: number; serial: number; version: number }): { bytes: Uint8Array; format: WireFormat } {
  const now = new Date().toISOString();
  const uri = `urn:demo:${story.agency.toLowerCase().replace(/\W+/g, "-")}:${story.slug.toLowerCase()}:${options.serial}`;
  const body = [`${story.place.toUpperCase()} (${story.agency}) — ${story.paragraphs[0] ?? ""}`, ...story.paragraphs.slice(1)];
  const document = {
    uri,
    version: String(options.version),
    type: "text",
    pubstatus: "usable",
    urgency: story.urgency,
    language: story.language,
    versioncreated: now,
    firstcreated: now,
    slugline: story.slug,
    by: story.byline ?? undefined,
    headlines: [{ role: "main", value: options.version > 1 ? `${story.headline} (update ${options.version - 1})` : story.headline }],
    bodies: [{ role: "main", contenttype: "text/html", value: body.map((p) => `<p>${p}</p>`).join("") }],
    copyrightholder: story.agency,
    subjects: story.categories.map((c) => ({ name: c })),
  };
  return { bytes: new TextEncoder().encode(JSON.stringify(document)), format: "ninjs" };
}
