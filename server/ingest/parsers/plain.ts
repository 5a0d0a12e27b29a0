import type { NormalizedStory } from "../../domain/normalized-story";
import { paragraphsToHtml } from "../text/sanitize";
import { htmlToText } from "../text/plain-text";
import { parseDateline, sourceAgency } from "../text/dateline";
import { decodeBytes } from "../text/encoding";
import { type ParsedDelivery, WireParseError, type WireParser } from "./parse-result";
import { guardParser } from "./parser-guard";
import { isFooterLine, isHeadlineCandidate, isJunkLine, isSentence, textLines } from "./plain-lines";
import { contentGuid, emptyStory, finishStory } from "./story-builder";
import { unwrapPlainText } from "./wrapped-text";

/** How many non-empty lines from the top are searched for the dateline paragraph. */
const DATELINE_WINDOW = 12;
/** Longest plain delivery read line by line (longer input is cut, not refused). */
const MAX_LINES = 5000;

interface PlainLayout {
  headline: string;
  abstract: string | null;
  body: string[];
}

function noStory(reason: string): WireParseError {
  return new WireParseError("no_story", `no recognisable story in the plain text: ${reason}`, "plain");
}

/** Body lines until the first footer marker, without trailing lines that are not sentences. */
function bodyUntilFooter(lines: readonly string[]): string[] {
  const end = lines.findIndex(isFooterLine);
  const body = end >= 0 ? lines.slice(0, end) : [...lines];
  while (body.length > 1 && !isSentence(body[body.length - 1] ?? "") && isJunkLine(body[body.length - 1] ?? "")) body.pop();
  return body;
}

/** With a dateline: headline = nearest candidate above it, standfirst = sentence lines between. */
function layoutAroundDateline(lines: readonly string[], at: number): PlainLayout {
  let headlineAt = -1;
  for (let i = at - 1; i >= 0; i--) {
    if (isHeadlineCandidate(lines[i] ?? "")) {
      headlineAt = i;
      break;
    }
  }
  const between = lines.slice(headlineAt + 1, at).filter((line) => isSentence(line) && !isJunkLine(line));
  return {
    headline: headlineAt >= 0 ? (lines[headlineAt] ?? "") : "",
    abstract: between.length > 0 ? between.join(" ") : null,
    body: bodyUntilFooter(lines.slice(at)),
  };
}

/** Without a dateline: the first headline-like line after the junk, the rest is the body. */
function layoutWithoutDateline(lines: readonly string[]): PlainLayout {
  const headlineAt = lines.findIndex((line, i) => i < DATELINE_WINDOW && isHeadlineCandidate(line));
  if (headlineAt < 0) return { headline: "", abstract: null, body: bodyUntilFooter(lines.filter((line) => !isJunkLine(line))) };
  return { headline: lines[headlineAt] ?? "", abstract: null, body: bodyUntilFooter(lines.slice(headlineAt + 1)) };
}

/** Plain text of the delivery; an HTML page (the detector routes those here too) is flattened first. */
function plainText(bytes: Uint8Array): string {
  const text = decodeBytes(bytes);
  return /^\s*</.test(text) && /<(?:html|body|p|div|article)\b/i.test(text) ? htmlToText(text) : text;
}

function storyOf(bytes: Uint8Array): NormalizedStory {
  const lines = textLines(unwrapPlainText(plainText(bytes)).join("\n")).slice(0, MAX_LINES);
  if (lines.length === 0) throw noStory("the delivery is empty");
  const datelineAt = lines.findIndex((line, i) => i < DATELINE_WINDOW && parseDateline(line) !== null);
  const layout = datelineAt >= 0 ? layoutAroundDateline(lines, datelineAt) : layoutWithoutDateline(lines);
  const body = layout.body.filter((line) => line !== layout.headline);
  if (!layout.headline || body.length === 0) throw noStory(layout.headline ? "a headline without text" : "no headline found");
  const story = finishStory(
    { ...emptyStory("plain", "plain:pending"), headline: layout.headline, abstract: layout.abstract },
    paragraphsToHtml(body),
  );
  const guid = contentGuid("plain", story.headline, story.bodyText);
  return { ...story, guid, agency: sourceAgency(story.dateline.source) };
}

/**
 * Parses plain text, including copy scraped from a web page: navigation junk above the headline and
 * footer junk below the body are dropped; the standfirst becomes the abstract and the dateline
 * (`New York/Moscow, 28 January 2022 (dpa/MIA) —`) moves from the first paragraph into the
 * dateline field. The guid is `plain:` + a sha256 prefix of headline and body.
 */
export const parsePlain: WireParser = guardParser("plain", (bytes: Uint8Array): ParsedDelivery => {
  return { format: "plain", stories: [storyOf(bytes)], recorded: [] };
});
