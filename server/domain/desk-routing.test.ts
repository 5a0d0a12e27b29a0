import { describe, expect, it } from "vitest";
import { findDeskId, ruleMatches, type RoutableStory } from "./desk-routing";

const story: RoutableStory = {
  agency: "dpa",
  categories: ["Sport", "Football"],
  keywords: ["Bundesliga", "Bayern Munich"],
  headline: "Late goal decides the derby",
  slugline: "Fussball-Bundesliga-Derby",
  urgency: 4,
};
const any = { agency: null, category: null, keyword: null, urgencyMax: null };

describe("desk routing rules", () => {
  it("matches a keyword as a whole word or phrase in the headline, slugline or keywords, ignoring case", () => {
    expect(ruleMatches({ ...any, keyword: "GOAL" }, story)).toBe(true);
    expect(ruleMatches({ ...any, keyword: "derby" }, story)).toBe(true); // slugline part
    expect(ruleMatches({ ...any, keyword: "bayern munich" }, story)).toBe(true); // keyword phrase
    expect(ruleMatches({ ...any, keyword: "decides the" }, story)).toBe(true);
    expect(ruleMatches({ ...any, keyword: "go" }, story)).toBe(false); // not a word of its own
    expect(ruleMatches({ ...any, keyword: "the derby decides" }, story)).toBe(false); // words out of order
    expect(ruleMatches({ ...any, keyword: "!!" }, story)).toBe(false);
  });

  it("needs every given field to match", () => {
    expect(ruleMatches({ ...any, agency: "DPA", category: "football", urgencyMax: 4 }, story)).toBe(true);
    expect(ruleMatches({ ...any, agency: "dpa", category: "politics" }, story)).toBe(false);
    expect(ruleMatches({ ...any, agency: "dpa", urgencyMax: 3 }, story)).toBe(false);
    expect(ruleMatches({ ...any, agency: "AP" }, { ...story, agency: null })).toBe(false);
    expect(ruleMatches(any, story)).toBe(true); // a rule with no field catches everything
  });

  it("picks the first desk, in order, with any matching rule", () => {
    const desks = [
      { id: "politics", rules: [{ ...any, category: "politics" }] },
      { id: "sport", rules: [{ ...any, agency: "AP" }, { ...any, keyword: "derby" }] },
      { id: "catch-all", rules: [any] },
    ];
    expect(findDeskId(desks, story)).toBe("sport");
    expect(findDeskId(desks, { ...story, slugline: null, headline: "Weather" })).toBe("catch-all");
    expect(findDeskId(desks.slice(0, 2), { ...story, slugline: null, headline: "Weather" })).toBeNull();
  });
});
