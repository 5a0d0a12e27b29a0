import { createHash, randomBytes } from "node:crypto";
import type { AppContext } from "../app-context";
import type { NormalizedStory } from "../domain/normalized-story";
import { emptyStory } from "../ingest/parsers/story-builder";

let counter = 0;

/** A complete normalized story for tests; every field can be overridden. */
export function buildNormalizedStory(overrides: Partial<NormalizedStory> = {}): NormalizedStory {
  counter += 1;
  const bodyText = overrides.bodyText ?? `Test body text number ${counter}.`;
  return {
    ...emptyStory("ninjs", `urn:seed:${Date.now()}:${counter}:${randomBytes(3).toString("hex")}`),
    headline: `Seeded story ${counter}`,
    agency: "Testwire",
    language: "en",
    bodyHtml: `<p>${bodyText}</p>`,
    bodyText,
    wordCount: bodyText.split(/\s+/).length,
    ...overrides,
  };
}

/**
 * Stores stories through the real ingest transaction (everything but parsing), as one delivery,
 * and tells every desk after commit, like the ingest pipeline. Returns the story ids in order.
 */
export async function seedStories(ctx: AppContext, stories: Partial<NormalizedStory>[], receivedAt = new Date().toISOString()): Promise<string[]> {
  const normalized = stories.map((s) => buildNormalizedStory(s));
  const raw = new TextEncoder().encode(JSON.stringify(normalized));
  const sha256 = createHash("sha256").update(raw).update(randomBytes(8)).digest("hex");
  const { id } = await ctx.store.stories.recordDelivery({ channel: "cli", sourceName: "test seed", raw, sha256, receivedAt });
  const applied = await ctx.store.stories.applyDelivery(id, "ninjs", normalized, [], receivedAt);
  ctx.publisher.storiesChanged(applied.changed);
  return applied.results.map((r) => r.id);
}
