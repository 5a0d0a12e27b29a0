/** ANPA category letters (wire-formats.md §5). */
export const ANPA_CATEGORIES: Readonly<Record<string, string>> = {
  a: "domestic", i: "international", w: "Washington", f: "financial", s: "sports", q: "scores",
  e: "entertainment", k: "commentary", v: "advisories", o: "weather", n: "state", l: "lifestyle",
};

/** Teletype conventions → typography: ``` `` ``` and `''` quotes, `_` standing for a dash. */
export function anpaTypography(text: string): string {
  return text
    .replace(/``/g, "“")
    .replace(/''/g, "”")
    .replace(/(^|\s)_(?=\s|$)/g, "$1—")
    .replace(/\s+/g, " ")
    .trim();
}

/** The header line: priority, category, keyword, version, reference, filing date `MM-DD`, word count. */
export interface AnpaHeader {
  priority: string | null;
  category: string | null;
  keyword: string | null;
  versionField: string | null;
  filingDate: string | null;
}

/** Reads `r i BC-Argentina-Cancer 1stLd-Writethru 0456 04-07 0466` (format-id bytes already removed). */
export function readAnpaHeader(line: string): AnpaHeader {
  const tokens = line.trim().split(/\s+/).filter(Boolean);
  const dateAt = tokens.findIndex((token, i) => i >= 2 && /^\d{2}-\d{2}$/.test(token));
  const middle = tokens.slice(3, dateAt >= 0 ? dateAt : tokens.length);
  const versionField = middle.find((token) => !/^\d+$/.test(token)) ?? null;
  return {
    priority: /^\p{L}$/u.test(tokens[0] ?? "") ? (tokens[0] ?? null) : null,
    category: /^\p{L}$/u.test(tokens[1] ?? "") ? (tokens[1] ?? null) : null,
    keyword: tokens[2] ?? null,
    versionField,
    filingDate: dateAt >= 0 ? (tokens[dateAt] ?? null) : null,
  };
}

/** `1stLd-Writethru` → version 2 (`2ndLd` → 3 …) and signal "update"; `Correction` → "correction"; `Kill` → canceled. */
export function readVersionField(field: string | null): { version: number; signals: string[]; canceled: boolean } {
  const value = field ?? "";
  const lead = /(\d+)(?:st|nd|rd|th)\s*-?\s*Ld/i.exec(value);
  const signals: string[] = [];
  if (lead || /writethru|update|sub\b/i.test(value)) signals.push("update");
  if (/correct/i.test(value)) signals.push("correction");
  const version = lead ? Number(lead[1]) + 1 : 1;
  return { version: Number.isSafeInteger(version) ? version : 1, signals, canceled: /\b(?:kill|elimination)\b/i.test(value) };
}

/** The trailer `AP-WF-04-07-14 1832GMT<`: agency and filing time (UTC). */
export function readAnpaTrailer(text: string): { agency: string | null; time: string | null; year: string | null } {
  const match = /([A-Za-z]{1,8})-[A-Za-z]{1,4}-(\d{2})-(\d{2})-(\d{2})\s+(\d{2})(\d{2})\s*(?:GMT|UTC|Z)?/.exec(text);
  if (!match) return { agency: null, time: null, year: null };
  const [, agency = null, mm, dd, yy, hh, mi] = match;
  const year = `20${yy}`;
  const date = new Date(`${year}-${mm}-${dd}T${hh}:${mi}:00Z`);
  const valid = !Number.isNaN(date.getTime()) && date.getUTCDate() === Number(dd);
  return { agency, time: valid ? `${year}-${mm}-${dd}T${hh}:${mi}:00Z` : null, year: valid ? year : null };
}
