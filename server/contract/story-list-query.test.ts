import { describe, expect, it } from "vitest";
import { joinNegatedList, parseNegatedList, splitCommaList, StoryListQuerySchema } from "./story-list-query";

describe("the story list's comma lists", () => {
  it("trims items and drops empty ones", () => {
    expect(splitCommaList(" dpa , ,AFP,, ")).toEqual(["dpa", "AFP"]);
    expect(splitCommaList("")).toEqual([]);
  });

  it("reads a leading '-' as exclusion and only the first one", () => {
    expect(parseNegatedList("dpa, -AP,afp,-reuters")).toEqual({ include: ["dpa", "afp"], exclude: ["AP", "reuters"] });
    expect(parseNegatedList("--x")).toEqual({ include: [], exclude: ["-x"] });
    expect(parseNegatedList(undefined)).toEqual({ include: [], exclude: [] });
  });

  it("writes back what it reads", () => {
    const list = "dpa,afp,-AP";
    const { include, exclude } = parseNegatedList(list);
    expect(joinNegatedList(include, exclude)).toBe(list);
    expect(joinNegatedList([], [])).toBe("");
  });

  it("gives the server the same split lists through the schema", () => {
    const query = StoryListQuerySchema.parse({ agency: "dpa, -AP", state: "new,-spiked", limit: "20" });
    expect(query).toMatchObject({ agency: ["dpa", "-AP"], state: ["new", "-spiked"], limit: 20 });
    expect(StoryListQuerySchema.safeParse({ state: "New" }).success).toBe(false);
    expect(StoryListQuerySchema.safeParse({ since: "yesterday" }).success).toBe(false);
  });

  it("refuses a list 20x the cap with a clear message, and splits such a list at once", () => {
    const csv = Array.from({ length: 3_000 }, (_, i) => (i % 2 ? `-agency${i}` : `agency${i}`)).join(", ");
    expect(csv.length).toBeGreaterThan(20 * 1000);
    const refused = StoryListQuerySchema.safeParse({ agency: csv });
    expect(refused.error?.issues[0]?.path).toEqual(["agency"]);
    expect(refused.error?.issues[0]?.message).toMatch(/1000/);
    const started = performance.now();
    const { include, exclude } = parseNegatedList(csv);
    expect(performance.now() - started).toBeLessThan(100);
    expect([include.length, exclude.length]).toEqual([1_500, 1_500]);
  });
});
