/**
 * Month names and abbreviations, lower-case, accents kept: English, German, French, Spanish, Italian,
 * Portuguese, Catalan, Dutch, Swedish, Norwegian, Danish, Finnish (partitive, as datelines write it),
 * Polish and Russian (genitive), Turkish.
 */
const MONTHS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ["january", "jan", "januar", "jänner", "jän", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro", "gener", "januari", "tammikuuta", "tammikuu", "stycznia", "января", "янв", "ocak"]],
  [2, ["february", "feb", "februar", "février", "fevrier", "févr", "fevr", "febrero", "febbraio", "fevereiro", "fev", "febrer", "februari", "helmikuuta", "helmikuu", "lutego", "февраля", "фев", "şubat", "subat"]],
  [3, ["march", "mar", "märz", "maerz", "mär", "mars", "marzo", "março", "marco", "març", "maart", "maaliskuuta", "maaliskuu", "marca", "marta", "марта", "mart"]],
  [4, ["april", "apr", "avril", "avr", "abril", "abr", "aprile", "aprilie", "huhtikuuta", "huhtikuu", "kwietnia", "апреля", "апр", "nisan"]],
  [5, ["may", "mai", "mayo", "maggio", "mag", "maio", "maig", "mei", "maj", "toukokuuta", "toukokuu", "maja", "мая", "mayıs", "mayis"]],
  [6, ["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho", "juny", "kesäkuuta", "kesäkuu", "czerwca", "июня", "июн", "haziran"]],
  [7, ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "juliol", "heinäkuuta", "heinäkuu", "lipca", "июля", "июл", "temmuz"]],
  [8, ["august", "aug", "août", "aout", "agosto", "ago", "agost", "augustus", "augusti", "elokuuta", "elokuu", "sierpnia", "августа", "авг", "ağustos", "agustos"]],
  [9, ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro", "setembre", "syyskuuta", "syyskuu", "września", "wrzesnia", "сентября", "сен", "eylül", "eylul"]],
  [10, ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out", "octubre", "lokakuuta", "lokakuu", "października", "pazdziernika", "октября", "окт", "ekim"]],
  [11, ["november", "nov", "novembre", "noviembre", "novembro", "marraskuuta", "marraskuu", "listopada", "ноября", "ноя", "kasım", "kasim"]],
  [12, ["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre", "dezembro", "desembre", "desember", "joulukuuta", "joulukuu", "grudnia", "декабря", "дек", "aralık", "aralik"]],
];
const MONTH_NUMBER = new Map<string, number>(MONTHS.flatMap(([n, names]) => names.map((name) => [name, n] as const)));

const WEEKDAYS =
  "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun|" +
  "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|" +
  "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo";

const WORD = "(\\p{L}+)";
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})(?:\\.|er|st|nd|rd|th|-?го)?\\s+(?:de\\s+)?${WORD}\\.?,?\\s+(?:de\\s+)?(\\d{4})(?:\\s*(?:г\\.?|года))?$`, "iu");
const MONTH_DAY_YEAR = new RegExp(`^${WORD}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\.?,?\\s+(\\d{4})$`, "iu");
const MONTH_DAY = new RegExp(`^${WORD}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\.?$`, "iu");
const DAY_MONTH = new RegExp(`^(\\d{1,2})(?:\\.|er|st|nd|rd|th)?\\s+(?:de\\s+)?${WORD}\\.?$`, "iu");
const NUMERIC = /^(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})$/;
const WEEKDAY = new RegExp(`^(?:${WEEKDAYS})\\.?(?:,?\\s+(.+))?$`, "iu");

/** Result of reading a dateline date: whether it is a date at all, and its ISO form when complete. */
export interface DatelineDate {
  iso: string | null;
  /** Month (1–12) and day when the text gives them, with or without a year (`21 ene`). */
  month?: number;
  day?: number;
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
  if (m && monthOf(m[1]) !== null) return { iso: null, month: monthOf(m[1]) ?? undefined, day: Number(m[2]) };
  m = DAY_MONTH.exec(text);
  if (m && monthOf(m[2]) !== null) return { iso: null, month: monthOf(m[2]) ?? undefined, day: Number(m[1]) };
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

/**
 * ISO day of a month and day given without a year (`21 ene`), in the year that puts it nearest to
 * the reference time (the story's own time: a dateline of 31 Dec on a story sent on 1 Jan is last
 * year's). Null without a usable reference or for an impossible day.
 */
export function isoNear(month: number, day: number, reference: string | null): string | null {
  const ref = reference ? Date.parse(reference) : Number.NaN;
  if (Number.isNaN(ref)) return null;
  const year = new Date(ref).getUTCFullYear();
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of [year - 1, year, year + 1]) {
    const iso = isoDay(candidate, month, day);
    const distance = iso ? Math.abs(Date.parse(`${iso}T12:00:00Z`) - ref) : Number.POSITIVE_INFINITY;
    if (distance < bestDistance) [best, bestDistance] = [iso, distance];
  }
  return best;
}

/** Month and day named in a dateline's text (`Nueva Delhi, 21 ene (EFE)`, `(ANSA) - Rome, October 11`), else null. */
export function monthDayIn(datelineText: string): { month: number; day: number } | null {
  const bare = datelineText.slice(0, 200).replace(/\([^()]*\)/g, " ").replace(/\s*[-–—_.:]+\s*$/, "");
  const parts = bare.split(/[,\u060c]|\s[-–—]\s/);
  for (let i = 0; i < parts.length; i++) {
    const date = readDatelineDate(parts.slice(i).join(",").replace(/^\s*[-–—]\s*/, ""));
    if (date?.month && date.day) return { month: date.month, day: date.day };
  }
  return null;
}
