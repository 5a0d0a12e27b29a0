import { describe, expect, it } from "vitest";
import { makeFigure } from "./report";
import { percentile, summarize } from "./stats";

describe("percentiles", () => {
  it("uses the nearest rank, so p95 of 1..100 is 95 and p50 of four values is the second", () => {
    const oneToHundred = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(oneToHundred, 95)).toBe(95);
    expect(percentile(oneToHundred, 99)).toBe(99);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(summarize([5, 1, 3])).toMatchObject({ count: 3, p50: 3, max: 5, mean: 3 });
  });
});

describe("figures", () => {
  it("meets a ratio target only at or under the ceiling, and an absolute one only under it", () => {
    expect(makeFigure({ name: "a", value: 15, unit: "ms", baseline: 10, target: { maxRatio: 1.5 } })).toMatchObject({ ratio: 1.5, met: true, target: "≤ 1.5× baseline" });
    expect(makeFigure({ name: "b", value: 16, unit: "ms", baseline: 10, target: { maxRatio: 1.5 } }).met).toBe(false);
    expect(makeFigure({ name: "c", value: 12, unit: "ms", baseline: 10, target: { maxRatio: 1.5, maxValue: 10 } }).met).toBe(false);
    expect(makeFigure({ name: "d", value: 2500, unit: "stories/s", target: { minValue: 2000 } })).toMatchObject({ met: true, ratio: null, target: "≥ 2000 stories/s" });
  });

  it("gives no verdict (rather than a false one) when the baseline is zero", () => {
    const figure = makeFigure({ name: "rss", value: 100, unit: "B/conn", baseline: 0, target: { maxRatio: 1.5 } });
    expect(figure.met).toBeNull();
    expect(figure.note).toContain("no verdict");
    expect(makeFigure({ name: "rss", value: -5, unit: "B/conn", baseline: 10, target: { maxRatio: 1.5 } })).toMatchObject({ ratio: null, met: null });
  });
});
