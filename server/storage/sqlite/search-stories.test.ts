import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSearchQuery } from "../../stories/search-query";
import { openTestStore, type TestStore } from "../../testing/test-store";
import type { ListedStory } from "../store";
import { SEARCH_BLOCK } from "./search-stories";

let t: TestStore;
const TOTAL = SEARCH_BLOCK * 2 + 150;
beforeAll(() => {
  t = openTestStore();
  // Plain inserts, then one index rebuild: the ingest path (which indexes as it stores) is covered elsewhere and would be slow here.
  const insert = t.db.$client.prepare(
    `insert into stories (id, guid, agency_version, seq, state, format, pub_status, urgency, headline, body_html, body_text, word_count, received_at, updated_at)
     values (?, ?, 1, ?, 'incoming', 'ninjs', 'usable', 5, ?, '', ?, 0, ?, ?)`,
  );
  const now = new Date().toISOString();
  t.db.$client.transaction(() => {
    for (let i = 0; i < TOTAL; i++) {
      // Every story mentions "lighthouse"; how often varies, so ranks differ within each block.
      const body = `${"lighthouse ".repeat(1 + ((i * 7) % 5))}keeper ${"calm sea ".repeat(i % 3)}`;
      insert.run(`story-${i}`, `urn:block:${i}`, i + 1, `Coast report ${i}`, body, now, now);
    }
    t.db.$client.exec("insert into stories_fts (stories_fts) values ('rebuild')");
  })();
});
afterAll(() => t.close());

describe("ranked search across blocks of matches", () => {
  it(`returns every one of ${TOTAL} matches once, newest block first, ranked within each block`, async () => {
    const query = parseSearchQuery("lighthouse");
    const seen: ListedStory[] = [];
    let after: ListedStory["searchPosition"];
    for (;;) {
      const page = await t.ctx.store.stories.listStories({ query, limit: 300, searchAfter: after });
      seen.push(...page);
      if (page.length < 300) break;
      after = page[page.length - 1]!.searchPosition;
    }
    const positions = seen.map((s) => s.position);
    expect(new Set(positions).size).toBe(TOTAL);
    const tops = [...new Set(seen.map((s) => s.searchPosition!.top))];
    expect(tops).toHaveLength(3);
    for (const top of tops) {
      const block = seen.filter((s) => s.searchPosition!.top === top);
      const ranks = block.map((s) => s.searchPosition!.rank);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      // Every story of a block is newer than every story of the next block.
      const next = seen.filter((s) => s.searchPosition!.top < top);
      if (next.length > 0) expect(Math.min(...block.map((s) => s.position))).toBeGreaterThan(Math.max(...next.map((s) => s.position)));
    }
    expect(seen.filter((s) => s.searchPosition!.top === tops[0]).length).toBe(SEARCH_BLOCK);
  });

  it("counts matches up to a cap", async () => {
    expect(await t.ctx.store.queue.countStories({ query: parseSearchQuery("lighthouse") }, 500)).toBe(500);
    expect(await t.ctx.store.queue.countStories({ query: parseSearchQuery("lighthouse -calm") }, 5000)).toBe(Math.ceil(TOTAL / 3));
  });
});
