import { describe, expect, it } from "vitest";
import { parseHighlight } from "./highlight";
import { storyBadges } from "./story-badges";
import { buildSummary } from "./testing/build-summary";

describe("storyBadges", () => {
  it("names versions, signals, kills and agency updates the way the desk reads them", () => {
    expect(storyBadges(buildSummary())).toEqual([]);
    expect(storyBadges(buildSummary({ versionCount: 2 })).map((b) => b.label)).toEqual(["2nd version"]);
    expect(storyBadges(buildSummary({ versionCount: 11 })).map((b) => b.label)).toEqual(["11th version"]);
    expect(storyBadges(buildSummary({ versionCount: 23 })).map((b) => b.label)).toEqual(["23rd version"]);
    expect(storyBadges(buildSummary({ signals: ["sig:correction"] })).map((b) => b.label)).toEqual(["CORRECTION"]);
    expect(storyBadges(buildSummary({ signals: ["sig:update"], agencyUpdateVersion: 3, versionCount: 3 })).map((b) => b.label)).toEqual([
      "UPDATE",
      "agency update: version 3",
      "3rd version",
    ]);
    expect(storyBadges(buildSummary({ pubStatus: "canceled" }))[0]).toEqual({ label: "KILLED", tone: "kill" });
    expect(storyBadges(buildSummary({ state: "killed" }))[0]?.label).toBe("KILLED");
  });
});

describe("parseHighlight", () => {
  it("reads only <mark> as markup and decodes the escaped text", () => {
    expect(parseHighlight("Storm <mark>hits</mark> coast &amp; <mark>city</mark>")).toEqual([
      { text: "Storm ", isMatch: false },
      { text: "hits", isMatch: true },
      { text: " coast & ", isMatch: false },
      { text: "city", isMatch: true },
    ]);
  });

  it("keeps any other tag as literal text, so nothing can be injected", () => {
    const parts = parseHighlight('<img src=x onerror="alert(1)"><mark>&lt;b&gt;</mark>');
    expect(parts).toEqual([
      { text: '<img src=x onerror="alert(1)">', isMatch: false },
      { text: "<b>", isMatch: true },
    ]);
  });
});
