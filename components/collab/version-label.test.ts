import { describe, expect, it } from "vitest";
import { versionEdits, versionTitle } from "./version-label";

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
