const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(\.\d{1,9})?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const RFC822 =
  /^(?:[A-Za-z]{2,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,5})?$/;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const ZONES: Readonly<Record<string, number>> = {
  gmt: 0, ut: 0, utc: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  cet: 60, cest: 120,
};

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

function plausible(month: number, day: number, hour: number, minute: number, second: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 24 && minute <= 59 && second <= 60;
}

function offsetOf(zone: string | undefined): string {
  if (!zone) return "";
  if (zone.toUpperCase() === "Z") return "Z";
  const digits = zone.replace(":", "");
  return `${digits.slice(0, 3)}:${digits.slice(3, 5)}`;
}

function assemble(parts: RegExpExecArray): string | null {
  const [, y, mo, d, h, mi, s, frac, zone] = parts;
  const month = Number(mo);
  const day = Number(d);
  if (!plausible(month, day, Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0))) return null;
  const date = `${y}-${mo}-${d}`;
  if (h === undefined) return date;
  return `${date}T${h}:${mi}:${s ?? "00"}${frac ?? ""}${offsetOf(zone)}`;
}

/**
 * Normalizes a wire timestamp to ISO 8601: accepts ISO 8601 (offset kept as given, `+0200` → `+02:00`)
 * and the compact NITF/NewsML 1.2 form `YYYYMMDDTHHMMSS±HHMM` / `…Z`. Null when unrecognized.
 * A timestamp without a zone stays without one (nothing is invented).
 */
export function isoDate(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  if (!trimmed || trimmed.length > 40) return null;
  const parts = ISO.exec(trimmed) ?? COMPACT.exec(trimmed);
  return parts ? assemble(parts) : null;
}

/** Converts an RFC 822 date (`Tue, 03 Jun 2003 09:39:21 GMT`) to ISO 8601 UTC; ISO input is accepted too. */
export function rfc822ToIso(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  if (!trimmed || trimmed.length > 60) return null;
  const parts = RFC822.exec(trimmed);
  if (!parts) return isoDate(trimmed);
  const [, d, mon, y, h, mi, s, zone] = parts;
  const month = MONTHS.indexOf((mon ?? "").toLowerCase());
  let year = Number(y);
  if (year < 100) year += year < 50 ? 2000 : 1900;
  if (month < 0 || !plausible(month + 1, Number(d), Number(h), Number(mi), Number(s ?? 0))) return null;
  let offsetMinutes = 0;
  if (zone && /^[+-]\d{4}$/.test(zone)) {
    const sign = zone.startsWith("-") ? -1 : 1;
    offsetMinutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  } else if (zone) {
    offsetMinutes = ZONES[zone.toLowerCase()] ?? 0;
  }
  const utc = Date.UTC(year, month, Number(d), Number(h), Number(mi) - offsetMinutes, Number(s ?? 0));
  const date = new Date(utc);
  if (Number.isNaN(date.getTime())) return null;
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}Z`;
}

/** Whole seconds since the epoch of an ISO timestamp (no zone = UTC), or null. */
export function epochSeconds(iso: string | null): number | null {
  if (!iso) return null;
  const withZone = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(iso) ? `${iso}Z` : iso;
  const ms = Date.parse(withZone);
  if (Number.isNaN(ms)) return null;
  const seconds = Math.floor(ms / 1000);
  return seconds >= 0 ? seconds : null;
}
