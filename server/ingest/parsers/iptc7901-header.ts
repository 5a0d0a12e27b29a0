import { monthNumber, isoDay } from "../text/dateline-date";

/** The SOH header line of a 7901 message: `bdt0000 2 pl 41  dpa 0000`. */
export interface Header7901 {
  service: string;
  priority: string | null;
  category: string | null;
  agency: string | null;
  reference: string | null;
}

/** Reads `<service><seq> <prio> <category> <words> [<extra>] <agency> <agencyseq> [<ref>]`. */
export function readHeaderLine(line: string): Header7901 {
  const tokens = line.trim().split(/\s+/).filter(Boolean);
  const [service = "", priority, category] = tokens;
  const rest = tokens.slice(/^\d+$/.test(tokens[3] ?? "") ? 4 : 3);
  // The agency is the token followed by its (numeric) sequence number.
  let agencyAt = rest.findIndex((token, index) => /^\D/.test(token) && /^\d+$/.test(rest[index + 1] ?? ""));
  if (agencyAt < 0) agencyAt = rest.findIndex((token) => /^\p{L}/u.test(token));
  return {
    service,
    priority: /^\d$/.test(priority ?? "") ? (priority ?? null) : null,
    category: category && /^\p{L}{1,8}$/u.test(category) ? category : null,
    agency: agencyAt >= 0 ? (rest[agencyAt] ?? null) : null,
    reference: agencyAt >= 0 ? (rest[agencyAt + 2] ?? null) : null,
  };
}

/**
 * Reads the trailer time stamp after ETX: `251037 Sep 24` (DDHHMM Mon YY), also `212322 GMT Nov 18`
 * and German months (`Okt`). The dpa profile gives no zone: the value is taken as UTC (`…Z`).
 * NB: dpa's converter actually prints the local time of version_created (Europe/Berlin), so the
 * result can be 1–2 hours late; a feed-level time zone setting would be needed to correct it.
 */
export function readTrailerTime(text: string): string | null {
  const match = /(\d{2})(\d{2})(\d{2})\s+(?:(?:GMT|UTC|Z)\s+)?(\p{L}{3,9})\.?\s+(\d{2}|\d{4})\b/u.exec(text);
  if (!match) return null;
  const [, dd, hh, mm, mon, yy] = match;
  const year = (yy ?? "").length === 2 ? 2000 + Number(yy) : Number(yy);
  const day = isoDay(year, monthNumber(mon), Number(dd));
  if (!day || Number(hh) > 23 || Number(mm) > 59) return null;
  return `${day}T${hh}:${mm}:00Z`;
}
