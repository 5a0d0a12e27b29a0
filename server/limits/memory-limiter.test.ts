import { describe, expect, it } from "vitest";
import { memoryLimiters } from "./memory-limiter";

describe("memory limiter", () => {
  it("reserves before the work: of 20 parallel reservations exactly the limit pass", async () => {
    const limiter = memoryLimiters({ name: "t1", points: 5, durationSeconds: 60 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => limiter.reserve("k")));
    expect(answers.filter((a) => a.ok)).toHaveLength(5);
    const refused = answers.find((a) => !a.ok);
    expect(refused && !refused.ok && refused.retryAfterSeconds).toBeGreaterThan(55);
  });

  it("never forgets a blocked key when many other keys arrive (no clear-all past a size)", async () => {
    const limiter = memoryLimiters({ name: "t2", points: 2, durationSeconds: 60 });
    await limiter.reserve("victim");
    await limiter.reserve("victim");
    for (let i = 0; i < 120_000; i++) await limiter.reserve(`spray-${i}`);
    expect((await limiter.reserve("victim")).ok).toBe(false);
  });

  it("a refund gives one unit back, but never more than were taken", async () => {
    const limiter = memoryLimiters({ name: "t3", points: 1, durationSeconds: 60 });
    expect((await limiter.reserve("k")).ok).toBe(true);
    await limiter.refund("k");
    expect((await limiter.reserve("k")).ok).toBe(true);
    expect((await limiter.reserve("k")).ok).toBe(false);
    await limiter.refund("fresh");
    await limiter.refund("fresh");
    expect((await limiter.reserve("fresh")).ok).toBe(true);
    expect((await limiter.reserve("fresh")).ok).toBe(false);
  });
});
