/** One routing rule: every non-null field must match the story. */
export interface DeskRule {
  agency: string | null;
  category: string | null;
  keyword: string | null;
  urgencyMax: number | null;
}

/** The fields of an incoming story that routing looks at. */
export interface RoutableStory {
  agency: string | null;
  categories: readonly string[];
  keywords: readonly string[];
  headline: string;
  slugline: string | null;
  urgency: number;
}

/** A desk id with its rules in the order they are tried. */
export interface RoutingDesk {
  id: string;
  rules: readonly DeskRule[];
}

/** Lower-case words joined by single spaces and padded, so " word " finds whole words and phrases. */
function words(text: string): string {
  const tokens = text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return ` ${tokens.join(" ")} `;
}

function hasKeyword(story: RoutableStory, keyword: string): boolean {
  const needle = words(keyword);
  if (needle.trim() === "") return false;
  return [story.headline, story.slugline ?? "", ...story.keywords].some((text) => words(text).includes(needle));
}

function sameText(a: string | null, b: string): boolean {
  return a !== null && a.toLowerCase() === b.toLowerCase();
}

/**
 * True when every given field of the rule matches: agency equal, category among the story's,
 * keyword as a whole word or phrase in the headline, slugline or keywords, urgency at most urgencyMax
 * (all case-insensitive). A rule with no field matches every story.
 */
export function ruleMatches(rule: DeskRule, story: RoutableStory): boolean {
  if (rule.agency !== null && !sameText(story.agency, rule.agency)) return false;
  if (rule.category !== null && !story.categories.some((c) => sameText(c, rule.category!))) return false;
  if (rule.keyword !== null && !hasKeyword(story, rule.keyword)) return false;
  if (rule.urgencyMax !== null && story.urgency > rule.urgencyMax) return false;
  return true;
}

/** The first desk (in routing order) with a rule that matches the story, or null. */
export function findDeskId(desks: readonly RoutingDesk[], story: RoutableStory): string | null {
  return desks.find((desk) => desk.rules.some((rule) => ruleMatches(rule, story)))?.id ?? null;
}
