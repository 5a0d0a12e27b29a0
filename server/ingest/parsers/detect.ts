import { restoreTeletype } from "./teletype-restore";
import type { WireFormat } from "../../domain/normalized-story";

/** A format guess and, when there is none, the human-readable reason. */
export interface FormatGuess {
  format: WireFormat | null;
  reason: string;
}

const SNIFF_BYTES = 65_536;
const XML_ROOTS: Readonly<Record<string, WireFormat>> = {
  newsitem: "newsml-g2",
  newsmessage: "newsml-g2",
  packageitem: "newsml-g2",
  nitf: "nitf",
  newsml: "newsml-1.2",
  rss: "rss",
  rdf: "rss",
  feed: "atom",
};
const HTML_ROOTS = new Set(["html", "body", "head", "p", "div"]);
const NINJS_KEYS = ["uri", "headline", "headlines", "bodies", "body_text", "body_html"];

function isBlank(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** Control bytes other than tab, line feed, form feed and carriage return (NUL is told apart first). */
// eslint-disable-next-line no-control-regex -- control bytes are exactly what is counted
const CONTROL_BYTES = /[\x01-\x08\x0b\x0e-\x1f]/g;

/** True when the sample looks like binary data rather than text (NUL bytes or many control bytes). */
function looksBinary(sample: Uint8Array): boolean {
  if (sample.includes(0)) return true;
  const latin1 = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength).toString("latin1");
  const control = latin1.match(CONTROL_BYTES)?.length ?? 0;
  return control > sample.length * 0.05;
}

function decodeSample(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, SNIFF_BYTES);
  if (sample[0] === 0xff && sample[1] === 0xfe) return new TextDecoder("utf-16le").decode(sample.subarray(2));
  if (sample[0] === 0xfe && sample[1] === 0xff) return new TextDecoder("utf-16be").decode(sample.subarray(2));
  return new TextDecoder("utf-8").decode(sample).replace(/^\uFEFF/, "");
}

/** A control character written out by name at the start (`<SOH>`, `<SYN>`): a stored teletype message, not XML. */
const TELETYPE_TOKEN = /^<(?:SOH|SYN|STX|NUL|DEL)>/;

function latin1Head(bytes: Uint8Array, start: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.min(16, bytes.byteLength - start)).toString("latin1");
}

/** The local name of the root element after BOM, XML declaration, comments, PIs and DOCTYPE. */
export function xmlRootName(text: string): string | null {
  let pos = 0;
  for (;;) {
    while (pos < text.length && /\s/.test(text.charAt(pos))) pos++;
    const close = text.startsWith("<?", pos) ? "?>" : text.startsWith("<!--", pos) ? "-->" : null;
    if (close) {
      const end = text.indexOf(close, pos + 2);
      if (end < 0) return null;
      pos = end + close.length;
    } else if (text.startsWith("<!DOCTYPE", pos) || text.startsWith("<!doctype", pos)) {
      const gt = text.indexOf(">", pos);
      if (gt < 0) return null;
      const bracket = text.slice(pos, gt).indexOf("[");
      const subsetEnd = bracket >= 0 ? text.indexOf("]", pos + bracket) : pos;
      const end = subsetEnd < 0 ? -1 : text.indexOf(">", subsetEnd);
      if (end < 0) return null;
      pos = end + 1;
    } else {
      const match = /^<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(text.slice(pos, pos + 200));
      return match?.[1] ?? null;
    }
  }
}

function sniffJson(text: string, bytes: Uint8Array): FormatGuess {
  let value: unknown = null;
  try {
    value = JSON.parse(new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, ""));
  } catch {
    // Broken JSON: route by the keys visible in the text so the JSON parser reports what is wrong.
    if (/"urn"\s*:/.test(text) && /"(?:article_html|format)"\s*:/.test(text)) return { format: "digitalwires", reason: "JSON (broken) with urn" };
    if (NINJS_KEYS.some((key) => text.includes(`"${key}"`))) return { format: "ninjs", reason: "JSON (broken) with ninjs keys" };
    return { format: null, reason: "JSON that does not parse and names no known wire field" };
  }
  return classifyJsonItem(value, true);
}

/** Classifies a JSON wire item; a list (an array, or `{items|entries: [...]}`) by its first item. */
function classifyJsonItem(value: unknown, mayBeList: boolean): FormatGuess {
  if (mayBeList && Array.isArray(value)) {
    if (value.length === 0) return { format: null, reason: "an empty JSON array" };
    return classifyJsonItem(value[0], false);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { format: null, reason: "JSON that is not an object" };
  const list = (value as Record<string, unknown>).items ?? (value as Record<string, unknown>).entries;
  if (mayBeList && Array.isArray(list) && !NINJS_KEYS.some((key) => key in value)) return classifyJsonItem(list, true);
  const keys = new Set(Object.keys(value));
  const format = (value as Record<string, unknown>).format;
  if (keys.has("urn") && (keys.has("article_html") || (typeof format === "string" && format.startsWith("digitalwires")))) {
    return { format: "digitalwires", reason: "JSON with urn" };
  }
  if (NINJS_KEYS.some((key) => keys.has(key))) return { format: "ninjs", reason: "JSON with ninjs fields" };
  return { format: null, reason: "JSON object without any known wire field (uri, urn, headline, bodies…)" };
}

/** Guesses the wire format from the bytes, explaining a failure. */
export function sniffFormat(bytes: Uint8Array): FormatGuess {
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (start < bytes.length && isBlank(bytes[start] as number)) start++;
  if (start >= bytes.length) return { format: null, reason: "the delivery is empty" };
  if (bytes[start] === 0x16 && bytes[start + 1] === 0x16 && bytes[start + 2] === 0x01) return { format: "anpa", reason: "SYN SYN SOH" };
  const first = bytes[start];
  // JSON and XML open with their own characters; anything else may be a teletype message as stored.
  if (first !== 0x7b && first !== 0x5b && !(first === 0x3c && !TELETYPE_TOKEN.test(latin1Head(bytes, start)))) {
    const teletype = restoreTeletype(bytes);
    if (teletype) return { format: teletype.format, reason: `${teletype.format === "anpa" ? "ANPA" : "IPTC 7901"} header and headline` };
  }
  if (first === 0x01) return { format: "iptc7901", reason: "SOH" };
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && looksBinary(bytes.subarray(start, start + 4096))) return { format: null, reason: "the delivery is binary data, not text" };
  const text = decodeSample(bytes).trimStart();
  if (text.startsWith("{") || text.startsWith("[")) return sniffJson(text, bytes);
  if (text.startsWith("<")) {
    const root = xmlRootName(text);
    if (root === "NewsItem") return { format: "newsml-1.2", reason: "XML root NewsItem" };
    const format = root ? XML_ROOTS[root.toLowerCase()] : undefined;
    if (format) return { format, reason: `XML root ${root}` };
    if (root && HTML_ROOTS.has(root.toLowerCase())) return { format: "plain", reason: "HTML page" };
    return { format: null, reason: root ? `XML root <${root}> is not a known wire format` : "markup without a readable root element" };
  }
  return { format: "plain", reason: "text" };
}

/** Detects the wire format of a delivery from its bytes; null for empty, binary or unknown structured input. */
export function detectFormat(bytes: Uint8Array): WireFormat | null {
  return sniffFormat(bytes).format;
}
