import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StorySummary } from "@/server/contract/story";
import { applyStoryUpserts, createListView, HEAD_PAGE_LIMIT, patchStories, removeStories, type StoryListData } from "./list-pages";
import { buildSummary } from "./testing/build-summary";

function listOf(pages: StorySummary[][], hasMore = false): StoryListData {
  return {
    pages: pages.map((stories, i) => ({ stories, nextCursor: i < pages.length - 1 || hasMore ? `c${i}` : null, seq: 100 })),
    pageParams: pages.map((_, i) => (i === 0 ? "" : `c${i - 1}`)),
  };
}

function ids(data: StoryListData): string[] {
  return data.pages.flatMap((p) => p.stories.map((s) => s.id));
}

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, second)).toISOString();
const all = () => true;

describe("createListView", () => {
  it("reads the pages as one newest-first sequence", () => {
    const [a, b, c] = [buildSummary({ id: "a" }), buildSummary({ id: "b" }), buildSummary({ id: "c" })];
    const view = createListView(listOf([[a, b], [c]]));
    expect(view.length).toBe(3);
    expect([view.at(0)?.id, view.at(1)?.id, view.at(2)?.id, view.at(3)]).toEqual(["a", "b", "c", undefined]);
    expect([view.indexOf("c"), view.indexOf("b"), view.indexOf("zz")]).toEqual([2, 1, -1]);
  });
});

describe("applyStoryUpserts", () => {
  it("changes a story in place, keeping its highlight and read state, and ignores older events", () => {
    const a = buildSummary({ id: "a", receivedAt: at(3), seq: 10, highlight: "<mark>x</mark>", isRead: true });
    const b = buildSummary({ id: "b", receivedAt: at(2), seq: 11 });
    const data = listOf([[a], [b]]);
    const next = applyStoryUpserts(data, [{ ...a, seq: 12, state: "spiked", highlight: undefined, isRead: undefined }], all);
    expect(ids(next)).toEqual(["a", "b"]);
    expect(next.pages[0]!.stories[0]).toMatchObject({ state: "spiked", highlight: "<mark>x</mark>", isRead: true });
    expect(next.pages[1]).toBe(data.pages[1]); // untouched pages are not copied
    expect(applyStoryUpserts(next, [{ ...a, seq: 11, state: "incoming" }], all)).toBe(next);
  });

  it("puts new arrivals on top, newest first, once each even when a batch repeats them", () => {
    const old = buildSummary({ id: "old", receivedAt: at(1) });
    const n1 = buildSummary({ id: "n1", receivedAt: at(5), seq: 20 });
    const n2 = buildSummary({ id: "n2", receivedAt: at(6), seq: 21 });
    const next = applyStoryUpserts(listOf([[old]]), [n1, n2, { ...n1, seq: 22 }, n2], all);
    expect(ids(next)).toEqual(["n2", "n1", "old"]);
    expect(next.pages[0]!.stories[1]!.seq).toBe(22);
    expect(ids(applyStoryUpserts(next, [n2, n1], all))).toEqual(["n2", "n1", "old"]);
  });

  it("orders stories of one delivery (same receivedAt) as the server does: the later-created first", () => {
    const old = buildSummary({ id: "old", receivedAt: at(1), seq: 5 });
    const batch = [10, 11, 12].map((seq) => buildSummary({ id: `d${seq}`, receivedAt: at(4), seq }));
    expect(ids(applyStoryUpserts(listOf([[old]]), batch, all))).toEqual(["d12", "d11", "d10", "old"]);
    const later = buildSummary({ id: "d13", receivedAt: at(4), seq: 13 });
    expect(ids(applyStoryUpserts(applyStoryUpserts(listOf([[old]]), batch, all), [later], all))).toEqual(["d13", "d12", "d11", "d10", "old"]);
  });

  it("starts a new top page when the top page is full, keeping the first page param for refetches", () => {
    const base = Array.from({ length: HEAD_PAGE_LIMIT - 1 }, (_, i) => buildSummary({ id: `old${i}`, receivedAt: at(0), seq: 1 }));
    let data = listOf([base, [buildSummary({ id: "older", receivedAt: at(0), seq: 0 })]], true);
    data = applyStoryUpserts(data, [buildSummary({ id: "n1", receivedAt: at(1), seq: 5 })], all);
    expect(data.pages.map((p) => p.stories.length)).toEqual([HEAD_PAGE_LIMIT, 1]);
    data = applyStoryUpserts(data, [buildSummary({ id: "n2", receivedAt: at(2), seq: 6 }), buildSummary({ id: "n3", receivedAt: at(3), seq: 7 })], all);
    expect(data.pages.map((p) => p.stories.length)).toEqual([2, HEAD_PAGE_LIMIT, 1]);
    expect(ids(data).slice(0, 3)).toEqual(["n3", "n2", "n1"]);
    expect(data.pageParams).toEqual(["", "", "c0"]);
    expect(data.pages[data.pages.length - 1]!.nextCursor).toBe("c1"); // paging goes on from the last page
    expect(createListView(data).indexOf("older")).toBe(HEAD_PAGE_LIMIT + 2);
  });

  it("places a replayed story received between loaded ones at its place", () => {
    const s = (n: number) => buildSummary({ id: `s${n}`, receivedAt: at(n) });
    const [s9, s5, s1] = [s(9), s(5), s(1)];
    const late = buildSummary({ id: "late", receivedAt: at(6) });
    expect(ids(applyStoryUpserts(listOf([[s9], [s5, s1]]), [late], all))).toEqual(["s9", "late", "s5", "s1"]);
  });

  it("leaves a story older than everything loaded to paging, but appends it when the list is complete", () => {
    const s9 = buildSummary({ id: "s9", receivedAt: at(9) });
    const older = buildSummary({ id: "older", receivedAt: at(2) });
    expect(ids(applyStoryUpserts(listOf([[s9]], true), [older], all))).toEqual(["s9"]);
    expect(ids(applyStoryUpserts(listOf([[s9]], false), [older], all))).toEqual(["s9", "older"]);
  });

  it("takes an arrival only when the list accepts it", () => {
    const s9 = buildSummary({ id: "s9", receivedAt: at(9) });
    const other = buildSummary({ id: "other", receivedAt: at(10), agency: "AFP" });
    const data = listOf([[s9]]);
    expect(applyStoryUpserts(data, [other], (s) => s.agency === "dpa")).toBe(data);
  });

  it("keeps every story exactly once, newest first, at its newest seq, whatever order and repeats events come in", () => {
    const arbitraryEvents = fc.array(fc.record({ story: fc.integer({ min: 0, max: 30 }), seq: fc.integer({ min: 1, max: 1000 }) }), { maxLength: 120 });
    fc.assert(
      fc.property(arbitraryEvents, fc.integer({ min: 1, max: 7 }), (events, batchSize) => {
        const base = Array.from({ length: 8 }, (_, i) => buildSummary({ id: `k${i * 4}`, receivedAt: at(i * 4), seq: 0 })).reverse();
        let data = listOf([base.slice(0, 3), base.slice(3)]);
        const newest = new Map<string, number>(base.map((s) => [s.id, 0]));
        for (let i = 0; i < events.length; i += batchSize) {
          const batch = events.slice(i, i + batchSize).map((e) => buildSummary({ id: `k${e.story}`, receivedAt: at(e.story), seq: e.seq }));
          for (const s of batch) newest.set(s.id, Math.max(newest.get(s.id) ?? 0, s.seq));
          data = applyStoryUpserts(data, batch, all);
        }
        const list = data.pages.flatMap((p) => p.stories);
        expect(new Set(list.map((s) => s.id)).size).toBe(list.length);
        expect(list.map((s) => s.id).sort()).toEqual([...newest.keys()].sort());
        for (const s of list) expect(s.seq).toBe(newest.get(s.id));
        for (let i = 1; i < list.length; i++) expect(list[i - 1]!.receivedAt >= list[i]!.receivedAt).toBe(true);
      }),
    );
  });
});

describe("removeStories and patchStories", () => {
  it("remove the given stories and change only the given ones", () => {
    const [a, b, c] = [buildSummary({ id: "a" }), buildSummary({ id: "b" }), buildSummary({ id: "c" })];
    const data = listOf([[a, b], [c]]);
    expect(ids(removeStories(data, new Set(["b", "c"])))).toEqual(["a"]);
    const read = patchStories(data, new Set(["c"]), (s) => ({ ...s, isRead: true }));
    expect(read.pages[1]!.stories[0]!.isRead).toBe(true);
    expect(read.pages[0]).toBe(data.pages[0]);
  });
});
