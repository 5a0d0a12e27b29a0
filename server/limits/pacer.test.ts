import { describe, expect, it } from "vitest";
import { Pacer } from "./pacer";

describe("pacer", () => {
  it("lets a burst of 200 parallel callers through at the set pace, in order, none twice", async () => {
    const pacer = new Pacer({ perSecond: 1000, burst: 10, maxWaiting: 1000 });
    const started = performance.now();
    const order: number[] = [];
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => pacer.acquire().then((go) => (order.push(i), go))));
    const elapsed = performance.now() - started;
    expect(answers.every(Boolean)).toBe(true);
    expect(order).toEqual(Array.from({ length: 200 }, (_, i) => i));
    // 190 past the burst at 1,000 a second: at least 190 ms, whatever the machine (a slow one only adds).
    expect(elapsed).toBeGreaterThanOrEqual(185);
  });

  it("refuses at once past the line and lets the line through", async () => {
    const pacer = new Pacer({ perSecond: 100, burst: 1, maxWaiting: 5 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => pacer.acquire()));
    expect(answers.filter(Boolean)).toHaveLength(6); // one token, five waiting
    expect(pacer.queued).toBe(0);
  });

  it("never lets more through than the pace allows, by a fake clock", async () => {
    let now = 0;
    const pacer = new Pacer({ perSecond: 50, burst: 5, maxWaiting: 0 }, () => now);
    let passed = 0;
    for (let ms = 0; ms <= 1000; ms += 1) {
      now = ms;
      if (await pacer.acquire()) passed += 1;
    }
    expect(passed).toBe(5 + 50);
  });
});
