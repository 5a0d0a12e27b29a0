import type { NormalizedStory } from "../../domain/normalized-story";
import { cleanText, htmlToText } from "../text/plain-text";
import { normalizeUrgency } from "../text/urgency";
import { readHeadlineBlock } from "./iptc7901-headline";
import { readBody } from "./iptc7901-body";
import { readHeaderLine, readTrailerTime } from "./iptc7901-header";
import { type ParsedDelivery, WireParseError, type WireParser } from "./parse-result";
import { guardParser } from "./parser-guard";
import { restoreTeletype } from "./teletype-restore";
import { emptyStory, finishStory, unique } from "./story-builder";
import { BEL, countByte, keyOf, splitTeletype, teletypeLines } from "./teletype";

/** How far into the text the ` =` that closes the headline block is looked for. */
const MAX_HEADLINE_LINES = 15;

/** The slug line `Partei/Deutschland/Grüne/` → slugline `Partei/Deutschland/Grüne` and its keywords. */
function readSlug(line: string | undefined): { slugline: string | null; keywords: string[] } {
  const text = cleanText(line);
  if (!text) return { slugline: null, keywords: [] };
  const keywords = text.includes("/") ? unique(text.split("/").map((part) => cleanText(part))) : [];
  return { slugline: keywords.length > 0 ? keywords.join("/") : text, keywords };
}

/** Index of the line closing the headline block (ends with `=`), else of the first blank line. */
function headlineEnd(lines: readonly string[]): number {
  const limit = Math.min(lines.length, MAX_HEADLINE_LINES);
  for (let i = 0; i < limit; i++) if (/=\s*$/.test(lines[i] ?? "")) return i;
  const blank = lines.findIndex((line, i) => i > 0 && line.trim() === "");
  return blank > 0 ? blank - 1 : 0;
}

function storyOf(delivered: Uint8Array): NormalizedStory {
  // Stored with control characters stripped, replaced or written out: rebuilt first.
  const bytes = restoreTeletype(delivered)?.bytes ?? delivered;
  const parts = splitTeletype(bytes);
  if (!parts) throw new WireParseError("malformed", "IPTC 7901 message without STX: no text part", "iptc7901");
  const headerLines = teletypeLines(parts.header).filter((line) => line.trim() !== "");
  const header = readHeaderLine(headerLines[0] ?? "");
  // A 7901 message opens with `<service><seq> <priority> ...`: without it this is not 7901 copy.
  if (!header.service || !header.priority) {
    throw new WireParseError("malformed", "IPTC 7901 message without a header line (service, priority, category) before STX", "iptc7901");
  }
  const { slugline, keywords } = readSlug(headerLines[1]);
  const allLines = teletypeLines(parts.text);
  // Leading blank lines dropped by one slice (shifting them one by one is quadratic on a long run).
  const firstText = allLines.findIndex((line) => line.trim() !== "");
  const lines = firstText < 0 ? [] : allLines.slice(firstText);
  const end = headlineEnd(lines);
  const blockLines = lines.slice(0, end + 1).map((line, i) => (i === end ? line.replace(/\s*=\s*$/, "") : line));
  const block = readHeadlineBlock(blockLines, countByte(parts.text, BEL));
  const body = readBody(lines.slice(end + 1), header.agency);
  if (!block.headline && !htmlToText(body.html)) throw new WireParseError("no_story", "IPTC 7901 message with neither headline nor text", "iptc7901");
  const agency = header.agency;
  const slugKey = keyOf(slugline ?? block.headline) || "untitled";
  const guid = `urn:7901:${keyOf(agency ?? "") || "unknown"}:${keyOf(header.service) || "0"}:${slugKey}`;
  const reference = Number(header.reference);
  const notes = [...block.notes, body.notebook, body.closingLine].filter((note): note is string => Boolean(note));
  return finishStory(
    {
      ...emptyStory("iptc7901", guid),
      version: block.takeVersion ?? (Number.isSafeInteger(reference) && reference > 0 ? reference : 1),
      versionCreated: readTrailerTime(teletypeLines(parts.trailer).join(" "), agency),
      pubStatus: block.canceled ? "canceled" : "usable",
      headline: block.headline,
      slugline,
      byline: block.byline,
      urgency: block.urgency ?? normalizeUrgency(header.priority, "7901"),
      agency,
      editorNote: notes.length > 0 ? notes.join("\n") : null,
      signals: block.signals,
      categories: header.category ? [header.category] : [],
      keywords,
    },
    body.html,
  );
}

/**
 * Parses one IPTC 7901 message (dpa profile): split on control bytes first, then decode the header
 * (priority, category, agency), slug line, headline block, body, notebook and the ETX trailer.
 * 7901 has no identifier: the guid is `urn:7901:<agency>:<service+seq>:<slug>`.
 */
export const parseIptc7901: WireParser = guardParser("iptc7901", (bytes: Uint8Array): ParsedDelivery => {
  return { format: "iptc7901", stories: [storyOf(bytes)], recorded: [] };
});
