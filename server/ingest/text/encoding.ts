import iconv from "iconv-lite";

const UTF8 = new TextDecoder("utf-8", { fatal: true });
const DECLARATION_BYTES = 256;
/** WHATWG decodes these labels as windows-1252; real "Latin-1" feeds use its 0x80–0x9F characters. */
const WINDOWS_1252_ALIASES = new Set(["iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819", "iso_8859-1"]);

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  return new TextDecoder(littleEndian ? "utf-16le" : "utf-16be").decode(bytes);
}

/** The bytes as UTF-8 text, or null when they are not valid UTF-8. */
function decodeValidUtf8(bytes: Uint8Array): string | null {
  try {
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}

function normalizeLabel(declared: string | null | undefined): string | null {
  const label = declared?.trim().toLowerCase().replace(/^["']|["']$/g, "") ?? "";
  return label.length > 0 ? label : null;
}

/** UTF-16 without a BOM can only be told by its declared label and its NUL bytes; null = not UTF-16. */
function declaredUtf16(label: string | null, bytes: Uint8Array): boolean | null {
  if (!label?.startsWith("utf-16") || bytes.length < 2 || bytes.length % 2 !== 0) return null;
  if (!bytes.includes(0)) return null;
  if (label === "utf-16be") return false;
  if (label === "utf-16le") return true;
  return bytes[0] !== 0; // "utf-16": ASCII first char → NUL second means little-endian
}

/**
 * Decodes wire bytes to text: a BOM wins (UTF-8, UTF-16 LE/BE); bytes that are valid UTF-8 are
 * UTF-8 whatever is declared (AFP declares iso-8859-1 yet sends UTF-8); otherwise the declared
 * charset when iconv-lite knows it, else windows-1252.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder("utf-8").decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), false);
  const label = normalizeLabel(declared);
  const utf16 = declaredUtf16(label, bytes);
  if (utf16 !== null) return decodeUtf16(bytes, utf16);
  const utf8 = decodeValidUtf8(bytes);
  if (utf8 !== null) return utf8;
  const charset = label && !WINDOWS_1252_ALIASES.has(label) && iconv.encodingExists(label) ? label : "windows-1252";
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
}

/** The `encoding="…"` of an XML declaration at the start of the bytes, or null. */
export function sniffXmlDeclaredEncoding(bytes: Uint8Array): string | null {
  let head = bytes.subarray(0, DECLARATION_BYTES);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) head = head.subarray(3);
  // UTF-16 declarations: drop the NUL halves so the ASCII declaration can be read.
  const ascii = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString("latin1").replace(/\0/g, "").replace(/[\x80-\xff]/g, "?");
  const match = /^\s*(?:\?\?)?\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']/.exec(ascii);
  return match?.[1] ?? null;
}

/** The `charset=` parameter of a Content-Type-like header value, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]{1,40})"?/i.exec(contentType ?? "");
  return match?.[1] ?? null;
}
