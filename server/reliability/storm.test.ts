import { describe, expect, it } from "vitest";
import { stormRun } from "./storm-run";

describe("reconnect storm (short form of npm run test:storm)", () => {
  it("clients dropping at random and across a restart end with exactly every story at its latest seq", async () => {
    const result = await stormRun({ clients: 30, seconds: 8, ratePerSecond: 20, longDropMs: 3000 });
    expect(result.stories).toBe(160);
    expect(result.drops).toBeGreaterThan(10);
    expect({ wrong: result.clientsWrong, missing: result.missing, stale: result.stale }).toEqual({ wrong: 0, missing: 0, stale: 0 });
  }, 120_000);
});
