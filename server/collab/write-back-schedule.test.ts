import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WriteBackSchedule } from "./write-back-schedule";

const timing = { quietMs: 400, maxMs: 850, gatherMs: 60 };

describe("write-back schedule", () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it("writes a story back after a quiet time, and within the cap while typing goes on", () => {
    const runs: { at: number; items: string[] }[] = [];
    const schedule = new WriteBackSchedule<string>(timing, (items) => runs.push({ at: Date.now(), items }), Date.now);
    schedule.changed("a");
    vi.advanceTimersByTime(399);
    expect(runs).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(runs).toEqual([{ at: 400, items: ["a"] }]);

    // A key every 100 ms: never quiet, written back at the cap.
    for (let t = 0; t < 10; t++) {
      schedule.changed("a");
      vi.advanceTimersByTime(100);
    }
    expect(runs.map((r) => r.at)).toEqual([400, 1250]);
  });

  it("takes the stories due shortly after along, and leaves the others for later", () => {
    const runs: { at: number; items: string[] }[] = [];
    const schedule = new WriteBackSchedule<string>(timing, (items) => runs.push({ at: Date.now(), items }), Date.now);
    schedule.changed("a"); // due at 400
    vi.advanceTimersByTime(50);
    schedule.changed("b"); // due at 450: within 60 ms of a
    vi.advanceTimersByTime(50);
    schedule.changed("c"); // due at 500: too far
    vi.advanceTimersByTime(1000);
    expect(runs).toEqual([
      { at: 400, items: ["a", "b"] },
      { at: 500, items: ["c"] },
    ]);
    expect(schedule.size).toBe(0);
  });

  it("forgets a story written back meanwhile, and stops its timer when nothing is due", () => {
    const runs: string[][] = [];
    const schedule = new WriteBackSchedule<string>(timing, (items) => runs.push(items), Date.now);
    schedule.changed("a");
    schedule.changed("b");
    schedule.cancel("a");
    vi.advanceTimersByTime(1000);
    expect(runs).toEqual([["b"]]);
    schedule.changed("c");
    schedule.cancel("c");
    expect(vi.getTimerCount()).toBe(0);
    // Closing forgets what is due: nothing runs later, no timer is left.
    schedule.changed("d");
    schedule.clear();
    vi.advanceTimersByTime(1000);
    expect(runs).toEqual([["b"]]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("writes a thousand stories changed at once back together", () => {
    let written = 0;
    const schedule = new WriteBackSchedule<number>(timing, (items) => (written += items.length), Date.now);
    for (let i = 0; i < 1000; i++) schedule.changed(i);
    vi.advanceTimersByTime(400);
    expect(written).toBe(1000);
    expect(vi.getTimerCount()).toBe(0);
  });
});
