import { takeHeadline } from "../contract/new-story";
import type { StorySource } from "../contract/story";
import { escapeHtml, sanitizeWireHtml } from "../ingest/text/sanitize";

/** A story brought into a desk story: its credit and its text. */
export interface Take {
  id: string;
  agency: string | null;
  headline: string;
  bodyHtml: string;
}

/**
 * The body of a desk story started from takes, in the order given: each take under its headline as a
 * subhead (an untitled one gets none: an empty subhead would be a blank line to delete), its body after
 * it. Passed through the wire allow-list again as a whole, so nothing a take holds (or a headline, which
 * is text) can become markup the wire copy could not carry.
 */
export function takesBodyHtml(takes: readonly Take[]): string {
  return sanitizeWireHtml(takes.map((t) => subhead(t) + t.bodyHtml).join("\n"));
}

function subhead(take: Take): string {
  const headline = takeHeadline(take);
  return headline === null ? "" : `<h2>${escapeHtml(headline)}</h2>\n`;
}

/** What a desk story keeps of each take: its id, agency and headline as they were. */
export function sourcesOf(takes: readonly Take[]): StorySource[] {
  return takes.map((t) => ({ id: t.id, agency: t.agency, headline: t.headline }));
}
