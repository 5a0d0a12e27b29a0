import { decodeXmlEntities } from "./entities";

/** A syntax error with the position saxes reports (1-based line and column). */
export interface XmlSyntaxError {
  message: string;
  line: number;
  column: number;
}

/** Thrown out of saxes' handlers to stop at the first error that is not tolerated. */
export class RefusedXml extends Error {
  readonly syntax: XmlSyntaxError;

  constructor(syntax: XmlSyntaxError) {
    super(syntax.message);
    this.syntax = syntax;
  }
}

/** Names that would collide with object internals: refused (critical) or prefixed with `__`. */
const CRITICAL_NAMES = new Set(["__proto__", "constructor", "prototype"]);
const RENAMED_NAMES = new Set(["hasOwnProperty", "toString", "valueOf", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__"]);
/** `name="value"` or `name='value'` in a start tag that saxes has already checked. */
const ATTRIBUTE = /([^\s=]+)\s*(=\s*(?:"([^"]*)"|'([^']*)'))?/g;
const NEWLINE = /\r\n?/g;

/** A name safe to use as a key: prototype internals refused, other built-in names prefixed with `__`. */
export function safeName(name: string): string | null {
  if (CRITICAL_NAMES.has(name)) return null;
  return RENAMED_NAMES.has(name) ? `__${name}` : name;
}

/** An attribute's local name: `xml:lang` → `lang`; `xmlns` declarations → "" (dropped). */
function attributeName(raw: string): string {
  const parts = raw.split(":");
  if (parts[0] === "xmlns") return "";
  return parts.length === 2 ? (parts[1] ?? "") : raw;
}

/**
 * The attributes of the start tag `source[start, end)` by local name, values as written (only line
 * ends normalized to `\n`) and entity-decoded; null when a name is reserved. Read from the source
 * because saxes turns tabs and line breaks inside values into spaces.
 */
export function rawAttributes(source: string, start: number, end: number): Record<string, string> | null {
  const attrs = Object.create(null) as Record<string, string>;
  const tag = source.slice(start + 1, source.charCodeAt(end - 2) === 0x2f ? end - 2 : end - 1);
  const space = tag.search(/\s/);
  if (space < 0) return attrs;
  const list = tag.slice(space + 1);
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(list); match; match = ATTRIBUTE.exec(list)) {
    const value = match[3] ?? match[4];
    const local = attributeName(match[1] ?? "");
    if (value === undefined || local === "") continue;
    const name = safeName(local);
    if (name === null) return null;
    attrs[name] = decodeXmlEntities(value.includes("\r") ? value.replace(NEWLINE, "\n") : value);
  }
  return attrs;
}

/**
 * Blanks out the text of comments that contain `--` or end in `-` (accepted before, refused by
 * saxes), keeping every line break so that error positions stay right. Comments are never read.
 */
export function neutralizeBadComments(text: string): string {
  let out = "";
  let copied = 0;
  let at = 0;
  let cdata = -1;
  for (;;) {
    const comment = text.indexOf("<!--", at);
    if (comment < 0) break;
    if (cdata >= 0 && cdata < at) cdata = -1;
    if (cdata === -1) cdata = text.indexOf("<![CDATA[", at);
    if (cdata === -1) cdata = text.length;
    if (cdata < comment) {
      const close = text.indexOf("]]>", cdata);
      if (close < 0) break;
      at = close + 3;
      continue;
    }
    const close = text.indexOf("-->", comment + 4);
    if (close < 0) break;
    const body = text.slice(comment + 4, close);
    if (body.includes("--") || body.endsWith("-")) {
      out += text.slice(copied, comment + 4) + body.replace(/[^\r\n]/g, " ");
      copied = close;
    }
    at = close + 3;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Where markup that is not a start tag ends: [opening, closing]; the closing is searched after the opening. */
const SKIPPED: readonly (readonly [string, string])[] = [
  ["<!--", "-->"],
  ["<![CDATA[", "]]>"],
  ["<?", "?>"],
  ["</", ">"],
];

/** The end (exclusive) of a DOCTYPE declaration, past an internal subset in brackets; -1 when unclosed. */
function doctypeEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at + 2; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b) depth++;
    else if (c === 0x5d) depth--;
    else if (c === 0x3e && depth <= 0) return i + 1;
  }
  return -1;
}

/**
 * Replaces every `&` inside a quoted attribute value with `x` (same length, so positions stay right).
 * Attribute values are read from the original source and were never checked for entity syntax;
 * this keeps saxes from reading a bare `&` (`href="?a=1&b=2"`) as the start of a reference.
 */
export function blankAttributeAmpersands(text: string): string {
  const out: string[] = [];
  let copied = 0;
  let at = text.indexOf("<");
  while (at >= 0 && at < text.length) {
    const skipped = SKIPPED.find(([open]) => text.startsWith(open, at));
    let end: number;
    if (skipped) {
      const close = text.indexOf(skipped[1], at + skipped[0].length);
      end = close < 0 ? -1 : close + skipped[1].length;
    } else if (text.startsWith("<!", at)) {
      end = doctypeEnd(text, at);
    } else {
      let quote = 0;
      end = -1;
      for (let i = at + 1; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (quote !== 0) {
          if (c === quote) quote = 0;
          else if (c === 0x26) {
            out.push(text.slice(copied, i), "x");
            copied = i + 1;
          }
        } else if (c === 0x22 || c === 0x27) quote = c;
        else if (c === 0x3e) {
          end = i + 1;
          break;
        }
      }
    }
    if (end < 0) break;
    at = text.indexOf("<", end);
  }
  if (copied === 0) return text;
  out.push(text.slice(copied));
  return out.join("");
}
