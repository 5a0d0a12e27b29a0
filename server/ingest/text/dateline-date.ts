/** Month names and abbreviations (English, German, French, Spanish), lower-case, accents kept. */
const MONTHS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ["january", "jan", "januar", "jänner", "jän", "janvier", "janv", "enero", "ene"]],
  [2, ["february", "feb", "februar", "février", "fevrier", "févr", "fevr", "febrero"]],
  [3, ["march", "mar", "märz", "maerz", "mär", "mars", "marzo"]],
  [4, ["april", "apr", "avril", "avr", "abril", "abr"]],
  [5, ["may", "mai", "mayo"]],
  [6, ["june", "jun", "juni", "juin", "junio"]],
  [7, ["july", "jul", "juli", "juillet", "juil", "julio"]],
  [8, ["august", "aug", "août", "aout", "agosto", "ago"]],
  [9, ["september", "sep", "sept", "septembre", "septiembre", "setiembre"]],
  [10, ["october", "oct", "oktober", "okt", "octobre", "octubre"]],
  [11, ["november", "nov", "novembre", "noviembre"]],
  [12, ["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic"]],
];
const MONTH_NUMBER = new Map<string, number>(MONTHS.flatMap(([n, names]) => names.map((name) => [name, n] as const)));

const WEEKDAYS =
  "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun|" +
  "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|" +
  "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo";

const WORD = "(\\p{L}+)";
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})(?:\\.|er|st|nd|rd|th)?\\s+(?:de\\s+)?${WORD}\\.?,?\\s+(?:de\\s+)?(\\d{4})$`, "iu");
const MONTH_DAY_YEAR = new RegExp(`^${WORD}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\.?,?\\s+(\\d{4})$`, "iu");
const MONTH_DAY = new RegExp(`^${WORD}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\.?$`, "iu");
const DAY_MONTH = new RegExp(`^(\\d{1,2})(?:\\.|er|st|nd|rd|th)?\\s+(?:de\\s+)?${WORD}\\.?$`, "iu");
const NUMERIC = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$/;
const WEEKDAY = new RegExp(`^(?:${WEEKDAYS})\\.?(?:,?\\s+(.+))?$`, "iu");

/** Result of reading a dateline date: whether it is a date at all, and its ISO form when complete. */
export interface DatelineDate {
  iso: string | null;
}

/** Month number (1–12) of an English, German, French or Spanish month name or abbreviation. */
export function monthNumber(name: string | undefined): number | null {
  return MONTH_NUMBER.get((name ?? "").toLowerCase().replace(/\.$/, "")) ?? null;
}

const monthOf = monthNumber;

/** `YYYY-MM-DD` for a real calendar day, else null (`2023-02-29` → null). */
export function isoDay(year: number, month: number | null, day: number): string | null {
  if (month === null || month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Reads the date part of a dateline (`28 January 2022`, `Aug 29, 2014`, `21 Nov. 2024`, `Jan 4`,
 * `Monday`, `28/01/2022`, `28. Januar 2022`, `28 de enero de 2022`). Returns null when the text is
 * not a date; `iso` is `YYYY-MM-DD` only when day, month and year are all given (never invented).
 */
export function readDatelineDate(value: string): DatelineDate | null {
  const text = value.trim().replace(/\s+/g, " ");
  let m = DAY_MONTH_YEAR.exec(text);
  if (m && monthOf(m[2]) !== null) return { iso: isoDay(Number(m[3]), monthOf(m[2]), Number(m[1])) };
  m = MONTH_DAY_YEAR.exec(text);
  if (m && monthOf(m[1]) !== null) return { iso: isoDay(Number(m[3]), monthOf(m[1]), Number(m[2])) };
  m = MONTH_DAY.exec(text);
  if (m && monthOf(m[1]) !== null) return { iso: null };
  m = DAY_MONTH.exec(text);
  if (m && monthOf(m[2]) !== null) return { iso: null };
  m = NUMERIC.exec(text);
  if (m) {
    const year = m[3]?.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return { iso: isoDay(year, Number(m[2]), Number(m[1])) };
  }
  m = WEEKDAY.exec(text);
  if (m) return m[1] ? (readDatelineDate(m[1]) ?? null) : { iso: null };
  return null;
}

/** ISO `YYYY-MM-DD` of a complete dateline date (`Aug 29, 2014` → `2014-08-29`), else null. */
export function datelineDateToIso(value: string): string | null {
  return readDatelineDate(value)?.iso ?? null;
}
