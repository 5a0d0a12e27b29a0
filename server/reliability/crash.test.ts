import { describe, expect, it } from "vitest";
import { crashRun } from "./crash-run";

describe("crash safety (short form of npm run test:crash)", () => {
  it("SIGKILL while stories pour in: every acknowledged story survives, none twice after retries, integrity ok", async () => {
    const result = await crashRun({ stories: 120, killAt: 0.2 + Math.random() * 0.6, concurrency: 8 });
    expect(result.acknowledgedBeforeKill).toBeGreaterThan(0);
    expect({ lost: result.lostAfterKill, duplicated: result.duplicated, missing: result.missingAtEnd, integrity: result.integrity }).toEqual({ lost: 0, duplicated: 0, missing: 0, integrity: "ok" });
  }, 120_000);
});
