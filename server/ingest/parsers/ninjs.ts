import type { NormalizedStory, RecordedItem } from "../../domain/normalized-story";
import { type JsonObject, isObject, parseJsonBytes } from "./json-fields";
import { ninjsItem } from "./ninjs-item";
import type { ParsedDelivery, WireParser } from "./parse-result";
import { WireParseError } from "./parse-result";
import { guardParser, requireContent } from "./parser-guard";

/** Largest number of items accepted in one ninjs delivery. */
const MAX_ITEMS = 1000;

/** The ninjs objects of a delivery: one object, an array of them, or `{ items: [...] }`. */
function itemsOf(value: unknown): JsonObject[] {
  const list: unknown[] = Array.isArray(value)
    ? value
    : isObject(value) && Array.isArray(value.items) && value.uri === undefined
      ? value.items
      : [value];
  if (list.length > MAX_ITEMS) throw new WireParseError("too_large", `ninjs delivery holds ${list.length} items; the limit is ${MAX_ITEMS}`, "ninjs");
  const items = list.filter(isObject);
  if (items.length === 0) throw new WireParseError("malformed", "the ninjs delivery is not a JSON object (or array of objects)", "ninjs");
  return items;
}

/**
 * Parses an IPTC ninjs delivery (1.x, 2.x, 3.x — told apart by shape, not by a version field).
 * Text items become stories; pictures, graphics, video, audio, composites, events and planning
 * items are recorded. Items with neither headline, description nor body are skipped.
 */
export const parseNinjs: WireParser = guardParser("ninjs", (bytes: Uint8Array): ParsedDelivery => {
  const stories: NormalizedStory[] = [];
  const recorded: RecordedItem[] = [];
  for (const item of itemsOf(parseJsonBytes(bytes, "ninjs"))) {
    const result = ninjsItem(item);
    if (result && "story" in result) stories.push(result.story);
    else if (result) recorded.push(result.recorded);
  }
  return requireContent({ format: "ninjs", stories, recorded }, "no item has a headline, description or body");
});
