import type { NormalizedStory, RecordedItem, WireFormat } from "../../domain/normalized-story";

/** Closed set of reasons a delivery cannot be parsed. */
export const PARSE_ERROR_CODES = [
  "unknown_format",
  "malformed",
  "dtd_refused",
  "too_large",
  "too_deep",
  "no_story",
  "timeout",
] as const;
export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

/** A typed, human-readable parse failure. Parsers return it; they never throw for bad input. */
export class WireParseError extends Error {
  readonly code: ParseErrorCode;
  readonly format: WireFormat | null;

  constructor(code: ParseErrorCode, message: string, format: WireFormat | null = null) {
    super(message);
    this.code = code;
    this.format = format;
    this.name = "WireParseError";
  }
}

/** What one delivery yields: text stories to queue and other items to record. */
export interface ParsedDelivery {
  format: WireFormat;
  stories: NormalizedStory[];
  recorded: RecordedItem[];
}

/** Either the parsed delivery or the reason it could not be parsed. */
export type ParseOutcome = { ok: true; value: ParsedDelivery } | { ok: false; error: WireParseError };

/** The signature every format module exports as `parse<Format>`. Pure: bytes in, result out. */
export type WireParser = (bytes: Uint8Array) => ParsedDelivery;
