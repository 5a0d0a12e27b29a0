import { urgencyName } from "../../contract/urgency";

/** Urgency scales the parsers read: IPTC 1–9 (G2, ninjs, NewsML 1.2), NITF `ed-urg` 1–8, IPTC 7901 priority 1–6. */
export type UrgencyScale = "iptc" | "nitf" | "7901";

/** Editorial label of a normalised urgency. */
export type UrgencyLabel = ReturnType<typeof urgencyName>;

/** Urgency used when a value is missing or unreadable: routine. */
export const DEFAULT_URGENCY = 5;

const SCALE_MAX: Readonly<Record<UrgencyScale, number>> = { iptc: 9, nitf: 8, "7901": 6 };

const ANPA_PRIORITY: Readonly<Record<string, number>> = {
  f: 1, b: 2, u: 3, r: 5, d: 6, h: 6, a: 7, s: 7, y: 8,
};

/** An integer urgency, or null: `"3"`, `" 3 "`, `"3.0"`, `3` are read; `2.5`, `0.1`, `"high"` are garbage. */
function toInteger(value: number | string): number | null {
  const number = typeof value === "number" ? value : /^\s*-?\d{1,6}(?:\.0+)?\s*$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(number) ? number : null;
}

/**
 * Normalises a provider urgency to 1 (highest) … 9 (lowest). All three scales keep their value
 * (NITF 8 stays 8, 7901 priority 2 stays 2), clamped to the scale's range; missing, non-integer or
 * garbage → 5.
 */
export function normalizeUrgency(value: number | string | null | undefined, scale: UrgencyScale): number {
  if (value === null || value === undefined) return DEFAULT_URGENCY;
  const number = toInteger(value);
  if (number === null) return DEFAULT_URGENCY;
  return Math.min(SCALE_MAX[scale], Math.max(1, number));
}

/** Maps an ANPA-1312 priority letter (f, b, u, r, d/h, a/s, y) to urgency; unknown → 5. */
export function anpaPriorityToUrgency(letter: string): number {
  return ANPA_PRIORITY[letter.trim().toLowerCase()] ?? DEFAULT_URGENCY;
}

/** Label of a normalised urgency, from the contract's one table (1 FLASH … 9 LOWEST). */
export function urgencyLabel(urgency: number): UrgencyLabel {
  return urgencyName(urgency);
}
