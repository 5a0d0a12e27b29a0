import { describe, expect, it } from "vitest";
import type { NormalizedStory } from "./normalized-story";
import { decideVersion } from "./version-rules";

function item(overrides: Partial<NormalizedStory>): NormalizedStory {
  return {
    format: "ninjs", guid: "urn:a", version: 1, versionCreated: null, firstCreated: null, pubStatus: "usable", headline: "H", subheadline: null,
    slugline: null, byline: null, dateline: { text: null, place: null, date: null, source: null }, urgency: 5, agency: null, language: null,
    abstract: null, bodyHtml: "", bodyText: "", wordCount: 0, editorNote: null, embargoUntil: null, supersedes: [], signals: [], categories: [], keywords: [],
    ...overrides,
  };
}

describe("decideVersion", () => {
  const current = { guid: "urn:a", agencyVersion: 978556838, pubStatus: "usable" };

  it("compares versions numerically, not as text, and keeps late older versions as history", () => {
    expect(decideVersion(current, item({ version: 1542761538 }), true)).toBe("update");
    expect(decideVersion(current, item({ version: 978556838 }), true)).toBe("duplicate");
    expect(decideVersion(current, item({ version: 99 }), true)).toBe("history");
  });

  it("a kill always kills, even at the same or an older version; a second kill is a duplicate", () => {
    expect(decideVersion(current, item({ version: 978556838, pubStatus: "canceled" }), true)).toBe("kill");
    expect(decideVersion(current, item({ version: 5, pubStatus: "canceled" }), true)).toBe("kill");
    expect(decideVersion({ ...current, pubStatus: "canceled" }, item({ version: 978556838, pubStatus: "canceled" }), true)).toBe("duplicate");
  });

  it("a new guid naming the story's guid in supersedes replaces it, whatever its version number", () => {
    expect(decideVersion(current, item({ guid: "urn:b", version: 1, supersedes: ["urn:a"] }), false)).toBe("update");
  });

  it("a late take under a guid the story already replaced is history, not an overwrite", () => {
    const replaced = { guid: "urn:b", agencyVersion: 1, pubStatus: "usable" };
    expect(decideVersion(replaced, item({ guid: "urn:a", version: 2 }), true)).toBe("history");
    expect(decideVersion(replaced, item({ guid: "urn:a", version: 2, pubStatus: "canceled" }), true)).toBe("kill");
  });
});
