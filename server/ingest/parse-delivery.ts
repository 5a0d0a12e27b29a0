import type { z } from "zod";
import { type NormalizedStory, NormalizedStorySchema, type RecordedItem, RecordedItemSchema, type WireFormat } from "../domain/normalized-story";
import { parseAnpa } from "./parsers/anpa";
import { boundRecordedItem, boundStoryFields } from "./field-bounds";
import { sniffFormat } from "./parsers/detect";
import { parseDigitalwires } from "./parsers/digitalwires";
import { parseAtom, parseRss } from "./parsers/feed";
import { parseIptc7901 } from "./parsers/iptc7901";
import { parseNewsml12 } from "./parsers/newsml-1-2";
import { parseNewsmlG2 } from "./parsers/newsml-g2";
import { parseNinjs } from "./parsers/ninjs";
import { parseNitf } from "./parsers/nitf";
import { type ParsedDelivery, type ParseOutcome, WireParseError, type WireParser } from "./parsers/parse-result";
import { parsePlain } from "./parsers/plain";

/** Largest delivery accepted when the caller sets no limit (5 MB). */
export const DEFAULT_MAX_DELIVERY_BYTES = 5 * 1024 * 1024;

/** Options of {@link parseDelivery}: force a format (skip detection) and/or change the size limit. */
export interface ParseDeliveryOptions {
  format?: WireFormat;
  maxBytes?: number;
  /**
   * Whether detection may take a body as plain text (true by default). Pull feeds say false: a web
   * page or an error text from a feed URL is no wire copy, so it is quarantined, not made a story.
   */
  detectsPlain?: boolean;
}

const PARSERS: Readonly<Record<WireFormat, WireParser>> = {
  "newsml-g2": parseNewsmlG2,
  nitf: parseNitf,
  ninjs: parseNinjs,
  "newsml-1.2": parseNewsml12,
  digitalwires: parseDigitalwires,
  anpa: parseAnpa,
  iptc7901: parseIptc7901,
  rss: parseRss,
  atom: parseAtom,
  plain: parsePlain,
};

function fail(code: WireParseError["code"], message: string, format: WireFormat | null): ParseOutcome {
  return { ok: false, error: new WireParseError(code, message, format) };
}

function itemLabel(index: number, guid: unknown): string {
  return typeof guid === "string" && guid ? `item ${index + 1} (${guid})` : `item ${index + 1}`;
}

/** Validates parser output against the schemas; the first invalid field becomes a "malformed" error. */
function validate<T>(items: readonly unknown[], schema: z.ZodType<T>, format: WireFormat): T[] {
  return items.map((item, index) => {
    const result = schema.safeParse(item);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.map(String).join(".") : "(item)";
    const guid = typeof item === "object" && item !== null ? (item as { guid?: unknown }).guid : undefined;
    throw new WireParseError("malformed", `${itemLabel(index, guid)}: field "${field}" is invalid: ${issue?.message ?? "schema mismatch"}`, format);
  });
}

/**
 * Validates a parser's output against the schemas ("malformed" naming the first invalid field),
 * cuts over-long short fields to their safety bounds (noted in the story's ingestNotes) and refuses a delivery with neither stories nor recorded items ("no_story").
 */
export function checkDelivery(parsed: ParsedDelivery): ParsedDelivery {
  const stories: NormalizedStory[] = validate(parsed.stories, NormalizedStorySchema, parsed.format).map(boundStoryFields);
  const recorded: RecordedItem[] = validate(parsed.recorded, RecordedItemSchema, parsed.format).map(boundRecordedItem);
  if (stories.length === 0 && recorded.length === 0) {
    throw new WireParseError("no_story", `the ${parsed.format} delivery contains no story`, parsed.format);
  }
  return { format: parsed.format, stories, recorded };
}

/**
 * Parses one delivery: size check, format detection (or the forced format), the format's parser,
 * schema validation of every story. Never throws: every failure is an `{ ok: false }` outcome with a
 * WireParseError (unexpected exceptions are wrapped as "malformed").
 */
export function parseDelivery(bytes: Uint8Array, options: ParseDeliveryOptions = {}): ParseOutcome {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_DELIVERY_BYTES;
  if (bytes.byteLength > maxBytes) {
    return fail("too_large", `delivery is ${bytes.byteLength} bytes; the limit is ${maxBytes}`, options.format ?? null);
  }
  let format: WireFormat | null = options.format ?? null;
  try {
    if (!format) {
      const guess = sniffFormat(bytes);
      if (!guess.format) return fail("unknown_format", `unrecognised delivery format: ${guess.reason}`, null);
      if (guess.format === "plain" && options.detectsPlain === false) {
        return fail("unknown_format", `not a wire format (${guess.reason}); plain text is taken only from a source set to the plain format`, null);
      }
      format = guess.format;
    }
    return { ok: true, value: checkDelivery(PARSERS[format](bytes)) };
  } catch (error) {
    if (error instanceof WireParseError) return { ok: false, error: error.format ? error : new WireParseError(error.code, error.message, format) };
    const message = error instanceof Error ? error.message : String(error);
    return fail("malformed", `the ${format ?? "delivery"} parser failed: ${message}`, format);
  }
}
