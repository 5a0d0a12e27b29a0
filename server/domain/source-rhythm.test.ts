import { describe, expect, it } from "vitest";
import { learnedSilenceMs, MIN_ARRIVALS_TO_LEARN } from "./source-rhythm";

const MINUTE = 60_000;
const every = (minutes: number, count: number) => Array.from({ length: count }, (_, i) => i * minutes * MINUTE);

describe("a source's rhythm", () => {
  it("is unknown until the source has delivered a few times", () => {
    expect(learnedSilenceMs(every(5, MIN_ARRIVALS_TO_LEARN - 1))).toBeNull();
  });

  it("allows three of its usual longest gaps: a source every 20 minutes is silent after an hour", () => {
    expect(learnedSilenceMs(every(20, 30))).toBe(60 * MINUTE);
  });

  it("never alarms sooner than 15 minutes or later than a day", () => {
    expect(learnedSilenceMs(every(1, 30))).toBe(15 * MINUTE);
    expect(learnedSilenceMs(every(600, 30))).toBe(24 * 60 * MINUTE);
  });

  it("reads the 90th percentile, so one lunch break does not set the rhythm", () => {
    const arrivals = [...every(10, 29), 28 * 10 * MINUTE + 120 * MINUTE];
    expect(learnedSilenceMs(arrivals)).toBe(30 * MINUTE);
  });
});
