/**
 * IPTC 7901 and ANPA-1312 messages as receiving systems store them: control characters shown as
 * symbols (`␂`, `<STX>`, `[ETX]`), replaced by `?` or a space, or stripped; padding or noise before
 * the start; ANPA without its two SYN bytes. The message is recognised by its header line (service,
 * priority, category, word count) followed by a headline line, and rebuilt with SOH, STX, ETX and
 * EOT where the format puts them, so that the format parsers read it like a transmitted message.
 */

/** Which teletype format a delivery is, and its bytes with the control characters restored. */
export interface RestoredTeletype {
  format: "anpa" | "iptc7901";
  bytes: Uint8Array;
}

const SOH = "\x01";
const STX = "\x02";
const ETX = "\x03";
const EOT = "\x04";
/** How far into the delivery the start of a message is looked for. */
const MAX_NOISE = 4096;
/** How many non-empty lines may come before the header line (noise, a receiver's own header). */
const MAX_LEADING_LINES = 8;

const CONTROL_NAMES = [
  "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
  "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
];
const CONTROL_CODE = new Map(CONTROL_NAMES.map((name, code) => [name, code]));
/** `<STX>`, `[ETX]`, `{SOH}`: a control character written out by name. */
const NAMED_CONTROL = new RegExp(`[<[{](${CONTROL_NAMES.join("|")}|DEL)[>\\]}]`, "g");
/** Unicode control pictures (U+2400–U+2421) as UTF-8 bytes read one byte per character. */
const CONTROL_PICTURE = /\xe2\x90([\x80-\x9f\xa1])/g;

/** A 7901 header line: `bdt0000 2 pl 41  dpa 0000`, `eca062 4 i 211 ccccb   dpa 061` (up to 3 junk characters first). */
const HEADER_7901 = /^[^\w\s]{0,3}\s*([A-Za-z]{1,6}\d{1,6}\s+\d\s+[A-Za-z]{1,5}\s+\d{1,5}\b[^\n]{0,80})$/;
/** An ANPA service line: service letter, 4-digit story number, then the selector: `a0123  asian`. */
const ANPA_SERVICE = /^[^\w\s]{0,3}\s*([a-zA-Z]\d{4}\b[^\n]{0,60})$/;
/** An ANPA header line: priority letter, category letter, keyword … filing date `MM-DD`. */
const ANPA_HEADER = /^[^\w\s]{0,3}\s*([fbudhasyrFBUDHASYR]\s+[a-zA-Z](?:\s+|(?=[A-Z]))\S[^\n]{0,100}\b\d{2}-\d{2}\b[^\n]{0,20})$/;
/** The 7901 trailer `251037 Sep 24`, `212322 GMT Nov 18`. */
const TRAILER_7901 = /^[^\w\s]{0,3}\s*(\d{6}\s+(?:[A-Z]{3,4}\s+)?\p{L}{3,4}\s+\d{2})\s*$/u;
/** The ANPA trailer `AP-WF-04-07-14 1832GMT<`. */
const TRAILER_ANPA = /^[^\w\s]{0,3}\s*([A-Z]{1,8}-[A-Z]{1,4}-\d{2}-\d{2}-\d{2}\s+\d{4}[^\n]{0,12})$/;

/** Control characters left inside a line (DC1–DC4 format codes, US…): read as a space. */
// eslint-disable-next-line no-control-regex -- control characters are what is replaced
const LINE_CONTROLS = /[\x00-\x08\x0b-\x1f]/g;

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

function toBytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "latin1"));
}

/** Control characters written as symbols or names become the bytes again. */
function restoreWrittenControls(text: string): string {
  return text
    .replace(CONTROL_PICTURE, (_, byte: string) => String.fromCharCode(byte === "\xa1" ? 0x7f : byte.charCodeAt(0) - 0x80))
    .replace(NAMED_CONTROL, (_, name: string) => String.fromCharCode(name === "DEL" ? 0x7f : (CONTROL_CODE.get(name) ?? 0x20)));
}

/** ANPA rather than 7901: a SYN before SOH, an ANPA service or header line, or `^` header lines. */
function looksAnpa(head: string): boolean {
  const lines = head.split(/\r?\n|\r/).map((line) => line.replace(LINE_CONTROLS, " ").trim()).filter(Boolean).slice(0, 6);
  if (lines.some((line) => ANPA_HEADER.test(line))) return true;
  return ANPA_SERVICE.test(lines[0] ?? "") && lines.some((line) => line.startsWith("^"));
}

/** With the control bytes present: noise before the start is dropped and the format told apart. */
function withControls(text: string): RestoredTeletype | null {
  const soh = text.slice(0, MAX_NOISE).indexOf(SOH);
  if (soh < 0 || text.indexOf(STX, soh) < 0) return null;
  const start = text.charCodeAt(soh - 1) === 0x16 ? (text.charCodeAt(soh - 2) === 0x16 ? soh - 2 : soh - 1) : soh;
  const message = text.slice(start);
  const anpa = message.startsWith("\x16") || looksAnpa(message.slice(message.indexOf(SOH) + 1, message.indexOf(STX)));
  return { format: anpa ? "anpa" : "iptc7901", bytes: toBytes(anpa && !message.startsWith("\x16") ? `\x16\x16${message}` : message) };
}

/** The index of the last line (among the last few non-empty ones) matching the trailer. */
function trailerAt(lines: readonly string[], pattern: RegExp, from: number): number {
  let seen = 0;
  for (let i = lines.length - 1; i > from && seen < 4; i--) {
    const line = (lines[i] ?? "").trim();
    if (!line || /^[\x7f\s?]+$/.test(line)) continue;
    seen++;
    if (pattern.test(line)) return i;
  }
  return -1;
}

function nextNonEmpty(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) if ((lines[i] ?? "").trim()) return i;
  return -1;
}

/** Without control bytes: header line found by pattern, then STX before the text and ETX before the trailer. */
function withoutControls(text: string): RestoredTeletype | null {
  const lines = text.split(/\r\n|\n|\r/).map((line) => line.replace(LINE_CONTROLS, " "));
  let nonEmpty = 0;
  for (let at = 0; at < lines.length && nonEmpty < MAX_LEADING_LINES; at++) {
    const line = (lines[at] ?? "").trimEnd();
    if (!line.trim()) continue;
    nonEmpty++;
    const header7901 = HEADER_7901.exec(line);
    const anpaService = ANPA_SERVICE.exec(line);
    const anpaHeader = ANPA_HEADER.exec(line);
    if (!header7901 && !anpaService && !anpaHeader) continue;
    const format = header7901 && !anpaHeader ? "iptc7901" : "anpa";
    let headerEnd = at;
    if (format === "anpa" && anpaService && !anpaHeader) {
      const next = nextNonEmpty(lines, at + 1);
      if (next < 0 || !ANPA_HEADER.test((lines[next] ?? "").trim())) continue;
      headerEnd = next;
    }
    let textStart = nextNonEmpty(lines, headerEnd + 1);
    if (textStart < 0) return null;
    // 7901: the slug line (`Partei/Deutschland/Grüne/`) still belongs to the header.
    if (format === "iptc7901" && /\/\s*$/.test(lines[textStart] ?? "")) textStart = nextNonEmpty(lines, textStart + 1);
    if (textStart < 0 || !/\p{L}/u.test(lines[textStart] ?? "")) return null;
    const trailer = trailerAt(lines, format === "anpa" ? TRAILER_ANPA : TRAILER_7901, textStart);
    const header = lines.slice(at, textStart).map((l, i) => (i === 0 ? l.replace(/^[^\w\s]{0,3}\s*/, "") : l));
    const body = lines.slice(textStart, trailer < 0 ? lines.length : trailer);
    body[0] = (body[0] ?? "").replace(/^[?\ufffd]{1,3}(?=\S)/, "");
    const tail = trailer < 0 ? "" : `${ETX}${(lines[trailer] ?? "").replace(/^[^\w\s]{0,3}\s*/, "")}\r\n`;
    const sync = format === "anpa" ? "\x16\x16" : "";
    return { format, bytes: toBytes(`${sync}${SOH}${header.join("\r\n")}\r\n${STX}${body.join("\r\n")}\r\n${tail}${EOT}`) };
  }
  return null;
}

/**
 * Recognises a 7901 or ANPA message however the receiver stored it and returns its format and bytes
 * with the control characters where the format puts them; null when the delivery is not one. Reads
 * the start of the delivery and its last lines only.
 */
export function restoreTeletype(bytes: Uint8Array): RestoredTeletype | null {
  const text = restoreWrittenControls(latin1(bytes));
  // NUL bytes: binary data, not a message.
  if (text.slice(0, MAX_NOISE).includes("\0")) return null;
  return withControls(text) ?? withoutControls(text);
}
