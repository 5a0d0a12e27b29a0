import { describe, expect, it } from "vitest";
import { newStoryId } from "./apply-delivery";

describe("newStoryId", () => {
  it("is 24 lowercase hex characters, unique within one millisecond", () => {
    const at = Date.parse("2026-11-28T12:00:00.000Z");
    const ids = Array.from({ length: 1000 }, () => newStoryId(at));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("sorts by creation time, so new stories append to the indexes keyed by story id", () => {
    const times = [Date.parse("2026-01-01T00:00:00.000Z"), Date.parse("2026-01-01T00:00:00.001Z"), Date.parse("2026-11-28T12:00:00.000Z"), Date.parse("2099-12-31T23:59:59.999Z")];
    const ids = times.map((t) => newStoryId(t));
    expect([...ids].sort()).toEqual(ids);
  });
});
