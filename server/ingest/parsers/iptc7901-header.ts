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
 * The zone of an agency's clock, for trailers that name none: dpa's converter prints the local time
 * of version_created (checked against the same stories in NewsML-G2 and digitalwires). 7901 is in
 * practice the dpa profile, so an agency not listed here is read in dpa's zone.
 */
const AGENCY_ZONES: Readonly<Record<string, string>> = {
  dpa: "Europe/Berlin",
  kna: "Europe/Berlin",
  epd: "Europe/Berlin",
  apa: "Europe/Vienna",
  sda: "Europe/Zurich",
  ansa: "Europe/Rome",
  anp: "Europe/Amsterdam",
  belga: "Europe/Brussels",
  ctk: "Europe/Prague",
};
const DEFAULT_ZONE = "Europe/Berlin";

/** The agency's zone: `dpa-spe` and `dpa-AFX` are dpa's. */
function zoneOf(agency: string | null): string {
  const key = (agency ?? "").toLowerCase().split(/[-_/]/)[0] ?? "";
  return AGENCY_ZONES[key] ?? DEFAULT_ZONE;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The offset of `zone` from UTC at the instant `ms`, in minutes (+120 for Berlin in summer). */
function offsetMinutes(zone: string, ms: number): number {
  let format = formatters.get(zone);
  if (!format) {
    const fields = { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" } as const;
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", ...fields });
    formatters.set(zone, format);
  }
  const parts = format.formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"));
  return Math.round((wall - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/** A wall-clock time in `zone` as ISO 8601 with the offset the zone had then: `2024-09-25T10:37:00+02:00`. */
function zonedTime(day: string, hh: string, mm: string, zone: string): string {
  const asUtc = Date.parse(`${day}T${hh}:${mm}:00Z`);
  // Twice: the offset at the guess may differ from the offset at the answer near a clock change.
  const offset = offsetMinutes(zone, asUtc - offsetMinutes(zone, asUtc) * 60_000);
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${day}T${hh}:${mm}:00${offset < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * Reads the trailer time stamp after ETX: `251037 Sep 24` (DDHHMM Mon YY), also `212322 GMT Nov 18`
 * and German months (`Okt`). A time marked GMT/UTC is UTC (`…Z`); an unmarked one is the agency's
 * local time (see {@link AGENCY_ZONES}), given with that zone's offset on that day.
 */
export function readTrailerTime(text: string, agency: string | null = null): string | null {
  const match = /(\d{2})(\d{2})(\d{2})\s+(?:(GMT|UTC|Z)\s+)?(\p{L}{3,9})\.?\s+(\d{2}|\d{4})\b/u.exec(text);
  if (!match) return null;
  const [, dd, hh = "", mm = "", utc, mon, yy] = match;
  const year = (yy ?? "").length === 2 ? 2000 + Number(yy) : Number(yy);
  const day = isoDay(year, monthNumber(mon), Number(dd));
  if (!day || Number(hh) > 23 || Number(mm) > 59) return null;
  return utc ? `${day}T${hh}:${mm}:00Z` : zonedTime(day, hh, mm, zoneOf(agency));
}
