import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseSearchQuery } from "../../stories/search-query";
import { buildNormalizedStory, seedStories } from "../../testing/seed-stories";
import { openTestStore, type TestStore } from "../../testing/test-store";

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.close());

/** Ids of the stories a search finds. */
async function search(text: string): Promise<string[]> {
  const found = await t.ctx.store.stories.listStories({ query: parseSearchQuery(text), limit: 50 });
  return found.map((f) => f.story.id).sort();
}

/** FTS5's own check of the index against the stories table (throws on any difference). */
function checkIndex(): void {
  t.db.$client.exec("insert into stories_fts (stories_fts, rank) values ('integrity-check', 1)");
}

const story = (guid: string, version: number, word: string) => ({ guid, version, headline: `Harbour ${word}`, bodyText: `The ${word} was seen at dawn.` });

describe("the search index written by the ingest path", () => {
  it("finds every story as soon as its delivery is committed, including deliveries that shared a commit", async () => {
    const ids = (await Promise.all(["walrus", "puffin", "narwhal"].map((w, i) => seedStories(t.ctx, [story(`urn:fts:${i}`, 1, w)])))).flat();
    expect(await search("puffin")).toEqual([ids[1]]);
    expect(await search("harbour")).toEqual([...ids].sort());
    checkIndex();
  });

  it("keeps the index exact when a story created in a commit gets a newer version in the same commit", async () => {
    // Both deliveries are applied in one group commit: version 2 updates the row version 1 created.
    const [first, second] = await Promise.all([seedStories(t.ctx, [story("urn:fts:same", 1, "walrus")]), seedStories(t.ctx, [story("urn:fts:same", 2, "puffin")])]);
    expect(second).toEqual(first);
    expect(await search("puffin")).toEqual(first);
    expect(await search("walrus")).toEqual([]);
    checkIndex();
  });

  it("keeps the index exact for two versions of one story in one delivery", async () => {
    const ids = await seedStories(t.ctx, [story("urn:fts:pair", 1, "gannet"), story("urn:fts:pair", 3, "osprey")]);
    expect(await search("osprey")).toEqual([ids[0]]);
    expect(await search("gannet")).toEqual([]);
    checkIndex();
  });

  it("indexes nothing of a delivery whose transaction failed, and everything of the others in its commit", async () => {
    // A unit that throws (its delivery id does not exist) rolls its group back; the others are stored
    // again on their own, index included.
    const bad = t.ctx.store.stories.applyDelivery(999_999, "ninjs", [buildNormalizedStory({ headline: "Kelp" })], [], new Date().toISOString());
    const good = seedStories(t.ctx, [story("urn:fts:good", 1, "kelp")]);
    const [badResult, goodIds] = await Promise.allSettled([bad, good]);
    expect(badResult.status).toBe("rejected");
    expect(goodIds.status).toBe("fulfilled");
    expect(await search("kelp")).toEqual((goodIds as PromiseFulfilledResult<string[]>).value);
    checkIndex();
  });
});
