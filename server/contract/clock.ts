/**
 * Clock times as the desk shows them: "14:02" in the desk's time zone (`WIREDESK_TIME_ZONE`), and an
 * agency's own filing time with its offset. Pure (Intl only), shared by the server's wording and the desk.
 */

const clockFormats = new Map<string, Intl.DateTimeFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const secondFormats = new Map<string, Intl.DateTimeFormat>();

function format(cache: Map<string, Intl.DateTimeFormat>, timeZone: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = timeZone ?? "";
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat("en-GB", { ...options, timeZone });
    cache.set(key, found);
  }
  return found;
}

/** True when the runtime knows the IANA time zone (as in "Europe/Berlin"). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** "14:02": the hour and minute of an instant in the time zone (the runtime's own when none is given); "14:02:09" with `withSeconds`. */
export function clockTime(iso: string, timeZone?: string, withSeconds = false): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return withSeconds ? "--:--:--" : "--:--";
  return format(withSeconds ? secondFormats : clockFormats, timeZone, { hour: "2-digit", minute: "2-digit", ...(withSeconds ? { second: "2-digit" } : {}), hourCycle: "h23" }).format(time);
}

/** "2 Dec 2026, 14:02:09": the full date and time of an instant in the time zone. */
export function clockDateTime(iso: string, timeZone?: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return format(dateFormats, timeZone, { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(time);
}

/**
 * An agency's filing time as it wrote it: "2026-12-02 09:02 -05:00" (local time and offset kept from
 * the ISO string), or "2026-12-02 14:02 UTC" for a Z time; the string itself when it is not ISO.
 */
export function agencyTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso.trim());
  if (!match) return iso;
  const [, date, time, zone] = match;
  const offset = !zone || zone === "Z" ? "UTC" : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return `${date} ${time} ${offset}`;
}
