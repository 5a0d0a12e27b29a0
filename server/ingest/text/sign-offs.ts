import { isAgencySource } from "./agencies";

/**
 * Sign-offs and trailers agencies put around the story text (desk initials, end marks, time stamps,
 * desk phone lines, notes to editors, photo credits): recognised paragraph by paragraph, so the body
 * keeps only the story and the notes keep the rest. Every pattern is anchored and bounded (linear).
 */

/** Longest paragraph looked at as a possible trailer: sign-offs are short. */
const MAX_TRAILER = 240;

/** End and continuation marks: `END`, `-MORE-`, `(Ende)`, `-30-`, `###`, `NNNN`, `Fin`, `=`. */
const END_MARK =
  /^[\s\-–—=(/[*#.]*(?:end|ends|endit|more|mehr|ende|fin|fine|slut|loppu|einde|koniec|konec|vége|kraj|sfârșit|τέλος|конец|نهاية|انتهى|סוף|完|終わり|nnnn|xxx|-?30-?|-0-)?[\s\-–—=)/\]*#.]*$/iu;
/** A copyright or reproduction notice closing the copy: `RIPRODUZIONE RISERVATA © Copyright ANSA`, `© dpa`, `All rights reserved`. */
const COPYRIGHT =
  /^(?:riproduzione riservata|©|\(c\)\s|copyright\b|all rights reserved|alle rechte vorbehalten|todos los derechos reservados|tous droits réservés)/iu;
/** 7901 time trailer as received in the text: `101137 GMT Dec 18`, `251037 Sep 24`. */
const TELETYPE_TIME = /^\d{6}\s+(?:(?:GMT|UTC|MEZ|MESZ|CET|CEST)\s+)?\p{L}{3,4}\.?\s+\d{2,4}$/u;
/** ANPA trailer: `AP-WF-04-07-14 1832GMT<`. */
const ANPA_TRAILER = /^[A-Z]{1,8}-[A-Z]{1,4}-\d{2}-\d{2}-\d{2}\s+\d{4}\s*(?:GMT|UTC|EST|EDT|CET|CEST)?\s*<?$/;
/** A header time line above the story: `10.12.2024 14:32`, `2024-12-10 14:32 GMT`, `Dec 10, 2024 2:32 PM EST`. */
const HEADER_TIME =
  /^(?:\p{L}{2,10}\.?,?\s+)?(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}\.?\s+\p{L}{3,10}\.?\s+\d{4}|\p{L}{3,10}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?),?\s*(?:\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:Uhr|GMT|UTC|CET|CEST|MEZ|MESZ|[ECMP][SD]T|Z|h)?)?$/u;
/** A clock time alone: `14:32 GMT`, `14.32 Uhr`. */
const CLOCK_LINE = /^\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:Uhr|GMT|UTC|CET|CEST|MEZ|MESZ|[ECMP][SD]T|h)$/;
/** Notes to editors: `Eds:`, `EDS:`, `Editors:`, `Note to editors:`, `Anm. d. Red.:`, `Hinweis für die Redaktion:`. */
const EDITORS_NOTE =
  /^(?:\(?\s*)(?:eds?\.?|editors?|editor's note|editors' note|note to editors|notes? to editors|anm\.?\s*d\.?\s*red\.?|hinweis (?:an|für) die redaktion(?:en)?|a l'attention des rédactions|nota (?:a|para) (?:la )?redacci[oó]n|nota per le redazioni)\s*:/iu;
/** A photo credit on its own line: `AP Photo/Jane Doe`, `(AFP Photo / John Smith)`, `Photo: dpa`, `Foto: ...`. */
const PHOTO_CREDIT =
  /^\(?\s*(?:(?:[\p{L}-]{1,20}\s){0,2}(?:photos?|foto|fotos|bild|photographie)\s*(?:\/|:)\s*[^()]{1,80}|(?:photo|foto|bild|picture)\s+(?:by|von|de|di)\s+[^()]{1,80})\s*\)?\.?$/iu;
/** Desk and contact lines with a telephone number: `Redaktion: Tel. +49 30 2852 31301`, `Newsdesk +44 20 7542 …`. */
const PHONE_NUMBER = /(?:\+\d{1,3}|\(0?\d{1,5}\)|\b0\d{1,5})[\d\s()./-]{5,20}\d/;
const PHONE_WORD = /\b(?:tel|tél|phone|telephone|téléphone|telefon|telefone|teléfono|fon|fax|newsdesk|desk|redaktion|contact|kontakt|rückfragen|inquiries|enquiries|hotline)\b|☎/iu;
/** One initials token: up to 6 lower-case or case-less letters (any script) and digits: `asl`, `wjh`, `z2`, `مم`. */
const INITIALS = /^[\p{Ll}\p{Lo}\p{Lm}\p{M}\d]{1,6}$/u;
/** Upper-case initials separated by slashes: `JAC/FCS`. */
const UPPER_INITIALS = /^\p{Lu}{1,4}(?:\s*\/\s*\p{Lu}{1,4})+$/u;
/** A credit with desk initials closing the last paragraph: `… gesagt. (SDA/sj)`, `(AFP\/xy)`. */
const TRAILING_CREDIT = /\s*\(([\p{L}][\p{L} .-]{0,20})(?:\s*\\?\/\s*[\p{L}\p{M}\d]{1,6}){1,4}\)\s*$/u;

/** True for desk initials, with or without the agency first: `asl/tib/pid`, `dpa hm bs wjh`, `(SDA\/sj)`, `EFE ab/cd`. */
export function isDeskInitials(text: string): boolean {
  const inner = text.trim().replace(/^\((.*)\)\.?$/, "$1").replace(/\\\//g, "/").trim();
  if (!inner || inner.length > 80) return false;
  if (UPPER_INITIALS.test(inner)) return true;
  const tokens = inner.split(/[\s/]+/).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 12) return false;
  const first = tokens[0] ?? "";
  const agencyFirst = isAgencySource(first);
  const rest = agencyFirst ? tokens.slice(1) : tokens;
  if (!rest.every((token) => INITIALS.test(token))) return false;
  if (agencyFirst) return true;
  // Without an agency, initials need the desk's slashes (`asl/tib`): two short words alone may be prose.
  return inner.includes("/") && tokens.length >= 2;
}

/** What kind of trailer a paragraph is (`end`, `initials`, `time`, `note`, `photo`, `phone`), or null for story text. */
export function trailerKind(paragraph: string): string | null {
  const text = paragraph.trim();
  if (text.length > MAX_TRAILER) return null;
  if (text === "" || END_MARK.test(text) || COPYRIGHT.test(text)) return "end";
  if (TELETYPE_TIME.test(text) || ANPA_TRAILER.test(text)) return "time";
  if (isDeskInitials(text)) return "initials";
  if (EDITORS_NOTE.test(text)) return "note";
  if (PHOTO_CREDIT.test(text)) return "photo";
  if (PHONE_NUMBER.test(text) && PHONE_WORD.test(text) && text.split(/\s+/).length <= 30) return "phone";
  return null;
}

/** True for a line that only gives a date and/or time (a header time line above the story). */
export function isHeaderTimeLine(paragraph: string): boolean {
  const text = paragraph.trim();
  if (text.length > 60 || !/\d/.test(text)) return false;
  return HEADER_TIME.test(text) || CLOCK_LINE.test(text) || TELETYPE_TIME.test(text);
}

/** Paragraphs that are notes wherever they stand (not only at the edges): `Eds:` notes and photo credits. */
export function isNoteAnywhere(paragraph: string): boolean {
  const text = paragraph.trim();
  return text.length <= MAX_TRAILER * 2 && (EDITORS_NOTE.test(text) || PHOTO_CREDIT.test(text));
}

/** Splits a credit with desk initials off the end of a paragraph: `Text. (SDA/sj)` → [`Text.`, `(SDA/sj)`]. */
export function splitTrailingCredit(paragraph: string): [string, string] | null {
  const match = TRAILING_CREDIT.exec(paragraph.length > 400 ? paragraph.slice(-400) : paragraph);
  if (!match || !isAgencySource((match[1] ?? "").trim())) return null;
  const cut = paragraph.length - match[0].length;
  const before = paragraph.slice(0, cut).trim();
  return before ? [before, match[0].trim()] : null;
}
