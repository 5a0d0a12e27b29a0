import { describe, expect, it } from "vitest";
import { boundaryAfterRemoval, resolveHeld, revealAll } from "./held-arrivals";
import { Departures, removableDepartures } from "./departures";
import { applyStoryUpserts, createListView, removeStories, type StoryListData } from "./list-pages";
import { buildSummary } from "./testing/build-summary";

const at = (second: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, second)).toISOString();

function list(...seconds: number[]): StoryListData {
  return { pages: [{ stories: seconds.map((n) => buildSummary({ id: `s${n}`, receivedAt: at(n) })), nextCursor: null, seq: 1 }], pageParams: [""] };
}

function arrive(data: StoryListData, ...seconds: number[]): StoryListData {
  return applyStoryUpserts(data, seconds.map((n) => buildSummary({ id: `s${n}`, receivedAt: at(n) })), () => true);
}

describe("held arrivals", () => {
  it("lets arrivals in directly while the view is not held", () => {
    const data = arrive(list(3, 2, 1), 4);
    expect(resolveHeld(createListView(data), "s3", false)).toEqual({ heldCount: 0, boundary: "s4" });
  });

  it("holds arrivals above the line the editor sees and counts them, whatever their order", () => {
    let data = list(3, 2, 1);
    const boundary = resolveHeld(createListView(data), undefined, false).boundary;
    data = arrive(data, 5, 4);
    data = arrive(data, 7);
    const held = resolveHeld(createListView(data), boundary, true);
    expect(held).toEqual({ heldCount: 3, boundary: "s3" });
    // the visible part starts at the same story as before the arrivals
    expect(createListView(data).at(held.heldCount)?.id).toBe("s3");
  });

  it("does not count an update of a visible story, nor a replay of one it already holds, as new", () => {
    let data = list(3, 2, 1);
    data = arrive(data, 4);
    data = applyStoryUpserts(data, [buildSummary({ id: "s2", receivedAt: at(2), seq: 999, state: "spiked" })], () => true);
    data = arrive(data, 4);
    expect(resolveHeld(createListView(data), "s3", true).heldCount).toBe(1);
  });

  it("holds everything when holding began on an empty list, and reveals all on demand", () => {
    const data = arrive(list(), 1, 2);
    const view = createListView(data);
    expect(resolveHeld(view, null, true).heldCount).toBe(2);
    expect(resolveHeld(view, revealAll(view), true)).toEqual({ heldCount: 0, boundary: "s2" });
  });

  it("moves the boundary down when the boundary story leaves, keeping the count of held stories", () => {
    let data = arrive(list(3, 2, 1), 5, 4);
    const removed = new Set(["s3", "s2"]);
    const boundary = boundaryAfterRemoval(createListView(data), "s3", removed);
    data = removeStories(data, removed);
    expect(boundary).toBe("s1");
    expect(resolveHeld(createListView(data), boundary, true).heldCount).toBe(2);
    expect(boundaryAfterRemoval(createListView(list(2, 1)), "s2", new Set(["s2", "s1"]))).toBeNull();
  });

  it("reveals everything when its boundary is gone after a refetch", () => {
    expect(resolveHeld(createListView(list(9, 8)), "s3", true)).toEqual({ heldCount: 0, boundary: "s9" });
  });
});

describe("Departures", () => {
  it("lets a story go after the delay, and not after it matched again", () => {
    const departures = new Departures();
    departures.mark("a", 1000);
    departures.mark("b", 1500);
    departures.mark("c", 1000);
    departures.mark("a", 2500); // the first time counts
    departures.cancel("c");
    expect(departures.due(2000, 1500)).toEqual([]);
    expect(departures.due(2600, 1500)).toEqual(["a"]);
    departures.forget(["a"]);
    expect(departures.due(9000, 1500)).toEqual(["b"]);
    expect(departures.has("b")).toBe(true);
  });

  it("never takes a kept story, and above the selected line only as many as the scroll can absorb", () => {
    const lines: Record<string, number> = { held: -1, top: 0, mid: 3, nextToSelected: 4, below: 9, marked: 12 };
    const context = { keep: new Set(["marked"]), lineOf: (id: string) => lines[id] ?? -1, selectedLine: 5, roomAbove: 1 };
    const due = ["held", "top", "mid", "nextToSelected", "below", "marked"];
    expect([...removableDepartures(due, context)].sort()).toEqual(["below", "held", "top"]);
    expect([...removableDepartures(due, { ...context, roomAbove: 0 })].sort()).toEqual(["below", "held"]);
    expect([...removableDepartures(due, { ...context, selectedLine: -1 })].sort()).toEqual(["below", "held", "mid", "nextToSelected", "top"]);
  });
});
