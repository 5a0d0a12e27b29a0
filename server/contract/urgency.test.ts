import { describe, expect, it } from "vitest";
import { URGENCY_LEVELS, urgencyName } from "./urgency";

describe("urgency labels", () => {
  it("gives every value of 1-9 its own label, in order", () => {
    const labels = [1, 2, 3, 4, 5, 6, 7, 8, 9].map(urgencyName);
    expect(labels).toEqual(["FLASH", "BULLETIN", "URGENT", "HIGH", "ROUTINE", "DEFERRED", "ADVANCE", "LOW", "LOWEST"]);
    expect(new Set(labels).size).toBe(9);
    expect(URGENCY_LEVELS.map((l) => l.urgency)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("clamps values outside the scale", () => {
    expect(urgencyName(0)).toBe("FLASH");
    expect(urgencyName(12)).toBe("LOWEST");
  });
});
