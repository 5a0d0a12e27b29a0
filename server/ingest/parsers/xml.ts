import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { WireFormat } from "../normalized-story";
import { decodeBytes, sniffXmlDeclaredEncoding } from "../text/encoding";
import { WireParseError } from "./parse-result";

/** Deepest element nesting accepted; deeper documents are refused with "too_deep". */
export const MAX_XML_DEPTH = 200;

/** One element of a parsed document: local name (namespace prefix removed), attributes, children. */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}

/** A child of an element: another element or a run of (entity-decoded) text. */
export type XmlNode = XmlElement | string;

const PARSER = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Entities are decoded by decodeXmlEntities below: the five XML ones and numeric references only.
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_XML_DEPTH,
});

const ENTITY_DECLARATION = /<!\s*ENTITY/i;
const XML_ENTITY = /&(?:#([0-9]{1,8})|#[xX]([0-9a-fA-F]{1,7})|(amp|lt|gt|quot|apos));/g;
const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes the five predefined XML entities and numeric character references; leaves anything else alone. */
export function decodeXmlEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(XML_ENTITY, (whole, dec: string | undefined, hex: string | undefined, named: string | undefined) => {
    if (named) return NAMED[named] ?? whole;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? "", 16);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : "\uFFFD";
  });
}

/** Decodes delivery bytes (declared charset, mismatch-checked) and parses them with {@link parseXml}. */
export function parseXmlBytes(bytes: Uint8Array, format: WireFormat | null = null): XmlElement {
  return parseXml(decodeBytes(bytes, sniffXmlDeclaredEncoding(bytes)), format);
}

/**
 * The one safe XML entry point. Refuses entity declarations (billion laughs, external entities)
 * before any parsing, never expands custom entities, never fetches a DTD, limits nesting depth.
 * Returns the root element; throws WireParseError ("dtd_refused", "too_deep", "malformed").
 */
export function parseXml(text: string, format: WireFormat | null = null): XmlElement {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (ENTITY_DECLARATION.test(source)) {
    throw new WireParseError("dtd_refused", "XML document declares entities (<!ENTITY>); DTD entities are refused", format);
  }
  const verdict = XMLValidator.validate(source);
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    const where = line ? ` (line ${line}${col ? `, column ${col}` : ""})` : "";
    throw new WireParseError("malformed", `XML is not well-formed: ${msg}${where}`, format);
  }
  let raw: unknown;
  try {
    raw = PARSER.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/nested/i.test(message)) {
      throw new WireParseError("too_deep", `XML nests deeper than ${MAX_XML_DEPTH} elements`, format);
    }
    throw new WireParseError("malformed", `XML could not be parsed: ${message}`, format);
  }
  const roots = toNodes(raw).filter((node): node is XmlElement => typeof node !== "string");
  const root = roots[0];
  if (!root) throw new WireParseError("malformed", "XML has no root element", format);
  if (roots.length > 1) throw new WireParseError("malformed", `XML has ${roots.length} root elements`, format);
  return root;
}

/** Converts fast-xml-parser's preserveOrder output into typed, entity-decoded nodes. */
function toNodes(raw: unknown): XmlNode[] {
  if (!Array.isArray(raw)) return [];
  const nodes: XmlNode[] = [];
  for (const entry of raw as unknown[]) {
    if (!isRecord(entry)) continue;
    for (const [key, value] of Object.entries(entry)) {
      if (key === ":@") continue;
      if (key === "#text") {
        if (typeof value === "string" || typeof value === "number") nodes.push(decodeXmlEntities(String(value)));
        continue;
      }
      nodes.push({ name: key, attrs: toAttrs(entry[":@"]), children: toNodes(value) });
    }
  }
  return nodes;
}

function toAttrs(raw: unknown): Record<string, string> {
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  if (!isRecord(raw)) return attrs;
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === "string" || typeof value === "number") attrs[key] = decodeXmlEntities(String(value));
    else if (value === true) attrs[key] = "";
  }
  return attrs;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
