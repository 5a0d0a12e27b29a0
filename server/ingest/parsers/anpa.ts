import type { NormalizedStory } from "../../domain/normalized-story";
import { paragraphsToHtml } from "../text/sanitize";
import { cleanText } from "../text/plain-text";
import { sourceAgency } from "../text/dateline";
import { anpaPriorityToUrgency } from "../text/urgency";
import { ANPA_CATEGORIES, anpaTypography, readAnpaHeader, readAnpaTrailer, readVersionField } from "./anpa-text";
import { type ParsedDelivery, WireParseError, type WireParser } from "./parse-result";
import { guardParser } from "./parser-guard";
import { restoreTeletype } from "./teletype-restore";
import { emptyStory, finishStory, unique } from "./story-builder";
import { keyOf, splitTeletype, teletypeLines } from "./teletype";

const US = 0x1f;

/** The `^` lines between STX and the first paragraph. */
interface AnpaTop {
  slugKeyword: string | null;
  headline: string;
  notes: string[];
  byline: string | null;
}

function readTop(lines: readonly string[]): AnpaTop {
  const top: AnpaTop = { slugKeyword: null, headline: "", notes: [], byline: null };
  const bylines: string[] = [];
  for (const raw of lines) {
    const line = raw.replace(/^\^/, "").trim();
    const value = anpaTypography(line.replace(/[<=]$/, ""));
    if (!value) continue;
    // `BC-LT--Argentina-Cancer Beauty,466<` (cycle, category, keyword) or `BC-Harbor-Festival,1st Ld…<`.
    const slug = /^(?:BC|AM|PM)-(?:[A-Za-z]{1,4}--)?([^\s,<]+)/.exec(line);
    if (slug && top.slugKeyword === null) top.slugKeyword = slug[1] ?? null;
    else if (/^Eds?:/i.test(line)) top.notes.push(value.replace(/^Eds?:\s*/i, ""));
    else if (line.endsWith("=")) bylines.push(value);
    else if (/^AP Photos?\b/i.test(line)) continue;
    else if (!top.headline) top.headline = value;
  }
  top.byline = bylines.length > 0 ? bylines.join(", ") : null;
  return top;
}

/** A paragraph's first line: TAB (+ 3 spaces), or the spaces a receiver stored instead of the TAB. */
const PARAGRAPH_START = /^(?:\t| {2,})\S?/;

/** Splits the text part into `^` header lines (each ends with `<` or `=`) and TAB-started paragraphs. */
function splitText(lines: readonly string[]): { top: string[]; paragraphs: string[] } {
  const top: string[] = [];
  const paragraphs: string[] = [];
  let inBody = false;
  for (const raw of lines) {
    const line = PARAGRAPH_START.test(raw) && raw.trim() ? `\t${raw.trimStart()}` : raw;
    if (!inBody && line.startsWith("\t")) inBody = true;
    if (!inBody) {
      const last = top.length - 1;
      // endsWith, not /[<=]$/: a regex anchored at the end rescans the growing line from its start.
      const open = top[last];
      if (open !== undefined && !open.endsWith("<") && !open.endsWith("=") && !line.startsWith("^")) top[last] = `${open} ${line.trim()}`;
      else if (line.trim()) top.push(line.trim());
    } else if (line.startsWith("\t")) paragraphs.push(line.trim());
    else if (line.trim() && !line.startsWith("^") && paragraphs.length > 0) {
      paragraphs[paragraphs.length - 1] = `${paragraphs[paragraphs.length - 1] ?? ""} ${line.trim()}`;
    }
  }
  return { top, paragraphs: paragraphs.map(anpaTypography).filter(Boolean) };
}

function storyOf(delivered: Uint8Array): NormalizedStory {
  // Stored with control characters stripped, replaced or written out: rebuilt first.
  const bytes = restoreTeletype(delivered)?.bytes ?? delivered;
  const parts = splitTeletype(bytes);
  if (!parts) throw new WireParseError("malformed", "ANPA message without STX: no text part", "anpa");
  const header = parts.header.map((byte) => (byte === US ? 0x20 : byte));
  const headerLines = teletypeLines(header).filter((line) => line.trim() !== "");
  const anpa = readAnpaHeader(headerLines[1] ?? headerLines[0] ?? "");
  const { top, paragraphs } = splitText(teletypeLines(parts.text));
  const head = readTop(top);
  if (!head.headline && paragraphs.length === 0) throw new WireParseError("no_story", "ANPA message with neither headline nor text", "anpa");
  const trailer = readAnpaTrailer(teletypeLines(parts.trailer).join(" "));
  const version = readVersionField(anpa.versionField);
  const keyword = cleanText(anpa.keyword) ?? head.slugKeyword;
  const agency = trailer.agency;
  const filed = anpa.filingDate ? (trailer.year ? `${trailer.year}-${anpa.filingDate}` : anpa.filingDate) : "undated";
  const guid = `urn:anpa:${keyOf(agency ?? "") || "unknown"}:${keyOf(keyword ?? head.headline) || "untitled"}:${filed}`;
  const story = finishStory(
    {
      ...emptyStory("anpa", guid),
      version: version.version,
      versionCreated: trailer.time,
      pubStatus: version.canceled ? "canceled" : "usable",
      headline: head.headline,
      slugline: keyword,
      byline: head.byline,
      urgency: anpaPriorityToUrgency(anpa.priority ?? ""),
      agency,
      editorNote: head.notes.length > 0 ? head.notes.join("\n") : null,
      signals: unique(version.signals),
      categories: anpa.category && ANPA_CATEGORIES[anpa.category] ? [ANPA_CATEGORIES[anpa.category] ?? ""] : [],
    },
    paragraphsToHtml(paragraphs),
  );
  return { ...story, agency: story.agency ?? sourceAgency(story.dateline.source) };
}

/**
 * Parses one ANPA-1312 (AP teletype) message: control bytes are split before decoding (Latin-1
 * when not UTF-8); `^` header lines give slug, headline, `Eds:` notes and byline; TAB-started
 * paragraphs the body. ANPA has no identifier: the guid is `urn:anpa:<agency>:<keyword>:<filing date>`.
 */
export const parseAnpa: WireParser = guardParser("anpa", (bytes: Uint8Array): ParsedDelivery => {
  return { format: "anpa", stories: [storyOf(bytes)], recorded: [] };
});
