import type { WireFormat } from "../normalized-story";
import { decodeBytes, sniffXmlDeclaredEncoding } from "../text/encoding";
import { WireParseError } from "./parse-result";
import { decodeXmlEntities } from "./xml-entities";
import { buildXmlTree } from "./xml-tree";

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

/** The XML entity decoder every parsed text and attribute went through, re-exported. */
export { decodeXmlEntities };

const ENTITY_DECLARATION = /<!\s*ENTITY/i;

/** Decodes delivery bytes (declared charset, mismatch-checked) and parses them with {@link parseXml}. */
export function parseXmlBytes(bytes: Uint8Array, format: WireFormat | null = null): XmlElement {
  return parseXml(decodeBytes(bytes, sniffXmlDeclaredEncoding(bytes)), format);
}

/**
 * The one safe XML entry point. Refuses entity declarations (billion laughs, external entities)
 * before any parsing, never expands custom entities, never fetches a DTD, limits nesting depth.
 * Well-formedness is checked by saxes (see buildXmlTree for the leniencies kept for wire files).
 * Returns the root element; throws WireParseError ("dtd_refused", "too_deep", "malformed").
 */
export function parseXml(text: string, format: WireFormat | null = null): XmlElement {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (ENTITY_DECLARATION.test(source)) {
    throw new WireParseError("dtd_refused", "XML document declares entities (<!ENTITY>); DTD entities are refused", format);
  }
  const tree = buildXmlTree(source, MAX_XML_DEPTH);
  if (tree.error) {
    const { message, line, column } = tree.error;
    throw new WireParseError("malformed", `XML is not well-formed: ${message} (line ${line}, column ${column})`, format);
  }
  if (tree.tooDeep) throw new WireParseError("too_deep", `XML nests deeper than ${MAX_XML_DEPTH} elements`, format);
  const root = tree.roots[0];
  if (!root) throw new WireParseError("malformed", "XML has no root element", format);
  if (tree.roots.length > 1) throw new WireParseError("malformed", `XML has ${tree.roots.length} root elements`, format);
  return root;
}
