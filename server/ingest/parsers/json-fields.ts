import type { WireFormat } from "../../domain/normalized-story";
import { cleanText } from "../text/plain-text";
import { decodeBytes } from "../text/encoding";
import { WireParseError } from "./parse-result";

/** A parsed JSON object whose values are not yet checked. */
export type JsonObject = { readonly [key: string]: unknown };

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Decodes the bytes (BOM, UTF-8 or Latin-1) and parses JSON; bad JSON → WireParseError "malformed". */
export function parseJsonBytes(bytes: Uint8Array, format: WireFormat): unknown {
  const text = decodeBytes(bytes).trim();
  if (text.length === 0) throw new WireParseError("no_story", `the ${format} delivery is empty`, format);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new WireParseError("malformed", `the ${format} delivery is not valid JSON: ${reason}`, format);
  }
}

/** The first of `keys` whose value is neither undefined nor null. */
export function field(obj: JsonObject, ...keys: readonly string[]): unknown {
  for (const key of keys) {
    const value = obj[key];
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

/** The first of `keys` holding a non-empty string (or number), white space collapsed; else null. */
export function text(obj: JsonObject, ...keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = cleanText(obj[key]);
    if (value) return value;
  }
  return null;
}

/** The first of `keys` holding a non-empty string, kept as is (line breaks and markup preserved). */
export function rawText(obj: JsonObject, ...keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = obj[key];
    if (typeof value === "string" && value.trim().length > 0) return value;
  }
  return null;
}

/** The objects of an array value (anything else → []). */
export function objects(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** The non-empty strings of an array value, or of a single string (anything else → []). */
export function strings(value: unknown): string[] {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  return list.map((entry) => cleanText(entry)).filter((entry): entry is string => entry !== null);
}
