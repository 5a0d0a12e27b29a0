import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedStories } from "../../testing/seed-stories";
import { openTestStore, type TestStore } from "../../testing/test-store";

let t: TestStore;
beforeEach(() => {
  t = openTestStore();
});
afterEach(() => t.close());

const GUID = "urn:versions:ferry";
const take = (version: number, words: string, extra: object = {}) => ({ guid: GUID, version, headline: `Ferry ${words}`, bodyHtml: `<p>The ferry ${words}.</p>`, bodyText: `The ferry ${words}.`, ...extra });

async function versions(id: string) {
  return (await t.ctx.store.stories.listStoryVersions(id)).map((v) => [v.agencyVersion, v.normalized.headline, v.normalized.bodyHtml, v.normalized.bodyText, v.normalized.pubStatus]);
}

/** Versions stored with a body of their own (the others share the stories row's body). */
function storedBodies(id: string): number[] {
  const rows = t.db.$client.prepare("select agency_version as v from story_versions where story_id = ? and json_type(normalized, '$.bodyHtml') is not null order by v").all(id) as { v: number }[];
  return rows.map((r) => r.v);
}

describe("agency versions of a story", () => {
  it("keep every version's own body as newer ones replace it, late older ones arrive and a kill comes", async () => {
    const [id] = await seedStories(t.ctx, [take(2, "sails at noon")]);
    expect(storedBodies(id!)).toEqual([]); // the only version is the story's content: its body is stored once
    await seedStories(t.ctx, [take(5, "is delayed")]);
    await seedStories(t.ctx, [take(1, "is announced")]); // late and older: history
    await seedStories(t.ctx, [take(3, "is cancelled", { pubStatus: "canceled" })]); // a kill that is not newer
    expect(await versions(id!)).toEqual([
      [1, "Ferry is announced", "<p>The ferry is announced.</p>", "The ferry is announced.", "usable"],
      [2, "Ferry sails at noon", "<p>The ferry sails at noon.</p>", "The ferry sails at noon.", "usable"],
      [3, "Ferry is cancelled", "<p>The ferry is cancelled.</p>", "The ferry is cancelled.", "canceled"],
      [5, "Ferry is delayed", "<p>The ferry is delayed.</p>", "The ferry is delayed.", "usable"],
    ]);
    expect(storedBodies(id!)).toEqual([1, 2, 3]);
    const story = await t.ctx.store.stories.getStory(id!);
    expect(story).toMatchObject({ agencyVersion: 5, headline: "Ferry is delayed", state: "killed" });
  });
});
