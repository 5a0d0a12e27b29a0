import { describe, expect, it } from "vitest";
import { versionEdits, versionNames, versionTitle } from "./version-label";

const ann = { id: "u1", name: "Ann" };
const bo = { id: "u2", name: "Bo" };

describe("a desk version's words in the history", () => {
  it("names the step and who made it, or who edited", () => {
    expect(versionTitle({ reason: "submit", actor: ann, contributors: [ann, bo] })).toBe("Submitted by Ann");
    expect(versionEdits({ reason: "submit", contributors: [ann, bo] })).toBe("edits by Ann, Bo");
    expect(versionTitle({ reason: "editing", actor: null, contributors: [ann, bo] })).toBe("Edits by Ann, Bo");
    expect(versionEdits({ reason: "editing", contributors: [ann] })).toBeNull();
    expect(versionTitle({ reason: "publish", actor: null, contributors: [] })).toBe("Published on schedule");
    expect(versionTitle({ reason: "take", actor: null, contributors: [] })).toBe("Taken");
    expect(versionEdits({ reason: "approve", contributors: [] })).toBe("no edits");
  });
});

describe("a version's name in the Compare with list", () => {
  const v = (id: number, at: string, reason = "editing", contributors = [ann]) => ({ id, reason, actor: null, contributors, at });

  it("is its title and minute; two alike in the same minute carry the second, then a number", () => {
    const names = versionNames(
      [
        v(1, "2026-12-03T14:02:05Z"),
        v(2, "2026-12-03T14:02:31Z"),
        v(3, "2026-12-03T14:02:31.500Z"),
        v(4, "2026-12-03T14:02:40Z", "editing", [bo]),
        v(5, "2026-12-03T14:03:00Z"),
      ],
      "UTC",
    );
    expect([...names.values()]).toEqual(["Edits by Ann, 14:02:05", "Edits by Ann, 14:02:31 (1)", "Edits by Ann, 14:02:31 (2)", "Edits by Bo, 14:02", "Edits by Ann, 14:03"]);
    expect(new Set(names.values()).size).toBe(5);
  });

  it("names 50,000 versions that all read alike in a moment (a pairwise comparison would take minutes)", () => {
    const alike = Array.from({ length: 50_000 }, (_, i) => v(i, "2026-12-03T14:02:05Z"));
    const cpu = process.cpuUsage();
    const names = versionNames(alike, "UTC");
    const used = process.cpuUsage(cpu);
    expect(names.get(49_999)).toBe("Edits by Ann, 14:02:05 (50000)");
    expect((used.user + used.system) / 1000).toBeLessThan(3_000);
  });
});
