import type { WireFormat } from "../../../domain/normalized-story";
import { decodeBytes, sniffXmlDeclaredEncoding } from "../../text/encoding";
import { WireParseError } from "../parse-result";
import { decodeXmlEntities } from "./entities";
import type { XmlElement } from "./nodes";
import { buildXmlTree } from "./tree";

/** Deepest element nesting accepted; deeper documents are refused with "too_deep". */
export const MAX_XML_DEPTH = 200;

/** The XML entity decoder every parsed text and attribute went through, re-exported. */
export { decodeXmlEntities };

/** A general entity declaration (`<!ENTITY name …>`); parameter entities (`<!ENTITY % name …>`) are not. */
const GENERAL_ENTITY_DECLARATION = /<!\s*ENTITY\s+(?![\s%])/i;

/** Decodes delivery bytes (declared charset, mismatch-checked) and parses them with {@link parseXml}. */
export function parseXmlBytes(bytes: Uint8Array, format: WireFormat | null = null): XmlElement {
  return parseXml(decodeBytes(bytes, sniffXmlDeclaredEncoding(bytes)), format);
}

/**
 * The one safe XML entry point. A DOCTYPE naming the standard's DTD (external identifier, or a
 * parameter entity pointing to it, as NITF and NewsML senders write it) is read and ignored: never
 * fetched, never expanded. A document declaring a general entity is refused before any parsing
 * (billion laughs, external entities); custom entities are never expanded; nesting depth is limited.
 * Well-formedness is checked by saxes (see buildXmlTree for the leniencies kept for wire files).
 * Returns the root element; throws WireParseError ("dtd_refused", "too_deep", "malformed").
 */
export function parseXml(text: string, format: WireFormat | null = null): XmlElement {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (GENERAL_ENTITY_DECLARATION.test(source)) {
    throw new WireParseError("dtd_refused", "XML document declares a general entity (<!ENTITY name …>); general entities are refused", format);
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
