import { describe, expect, it } from "vitest";
import { buildHourlyChart } from "./hourly-chart-data";

const now = Date.parse("2026-03-10T12:34:00Z");

describe("buildHourlyChart", () => {
  it("makes 24 hourly bars ending with the current hour, stacked per agency", () => {
    const chart = buildHourlyChart(
      [
        { hour: "2026-03-10T12:00:00.000Z", agency: "dpa", count: 4 },
        { hour: "2026-03-10T12:00:00.000Z", agency: "AFP", count: 1 },
        { hour: "2026-03-09T13:00:00.000Z", agency: "dpa", count: 2 },
        { hour: "2026-03-09T12:00:00.000Z", agency: "dpa", count: 99 }, // 25 hours ago: not drawn
      ],
      now,
    );
    expect(chart.bars).toHaveLength(24);
    expect(chart.bars[0]).toEqual({ hour: "2026-03-09T13:00:00.000Z", counts: [2, 0], total: 2 });
    expect(chart.bars[23]).toEqual({ hour: "2026-03-10T12:00:00.000Z", counts: [4, 1], total: 5 });
    expect(chart.series).toEqual(["dpa", "AFP"]);
    expect([chart.max, chart.total]).toEqual([5, 7]);
  });

  it("keeps the busiest agencies and folds the rest into other", () => {
    const hourly = ["a", "b", "c"].map((agency, i) => ({ hour: "2026-03-10T12:00:00.000Z", agency, count: 10 - i }));
    const chart = buildHourlyChart([...hourly, { hour: "2026-03-10T11:00:00.000Z", agency: null, count: 1 }], now, 2);
    expect(chart.series).toEqual(["a", "b", "other"]);
    expect(chart.bars[23]!.counts).toEqual([10, 9, 8]);
    expect(chart.bars[22]!.counts).toEqual([0, 0, 1]);
  });
});
