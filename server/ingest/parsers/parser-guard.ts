import type { WireFormat } from "../../domain/normalized-story";
import { type ParsedDelivery, WireParseError, type WireParser } from "./parse-result";
import { finalizeDelivery } from "./story-finalize";

/**
 * Wraps a format parser so that it honours the WireParser contract: any unexpected exception
 * (a bug, a stack overflow on hostile input) becomes a WireParseError "malformed"; every story
 * passes finalizeStory (no control characters, one vocabulary, canonical agency).
 */
export function guardParser(format: WireFormat, parse: (bytes: Uint8Array) => ParsedDelivery): WireParser {
  return (bytes: Uint8Array): ParsedDelivery => {
    try {
      return finalizeDelivery(parse(bytes));
    } catch (error) {
      if (error instanceof WireParseError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new WireParseError("malformed", `the ${format} parser failed: ${reason}`, format);
    }
  };
}

/** Throws "no_story" when a delivery yields neither a story nor a recorded item. */
export function requireContent(delivery: ParsedDelivery, what: string): ParsedDelivery {
  if (delivery.stories.length === 0 && delivery.recorded.length === 0) {
    throw new WireParseError("no_story", `the ${delivery.format} delivery holds no story: ${what}`, delivery.format);
  }
  return delivery;
}
