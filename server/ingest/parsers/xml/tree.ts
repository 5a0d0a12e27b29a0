import { SaxesParser } from "saxes";
import type { XmlElement, XmlNode } from "./nodes";
import { decodeXmlEntities } from "./entities";
import { blankAttributeAmpersands, neutralizeBadComments, rawAttributes, RefusedXml, safeName, type XmlSyntaxError } from "./raw";

/** What {@link buildXmlTree} found: the top-level elements, or why the document is refused. */
export interface XmlTree {
  roots: XmlElement[];
  tooDeep: boolean;
  error: XmlSyntaxError | null;
}

interface OpenElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

/** Entity references accepted in text: `&name;` (≤ 20 word characters), `&#123;`, `&#x1F;` (digits optional). */
const TEXT_ENTITY = /^(?:#[0-9]*|#x[0-9a-fA-F]*|\w{1,20})$/;
/** An entity reference in an attribute value that cannot have run past the closing quote. */
const ATTRIBUTE_ENTITY = /^[^"'<>]+$/;
const POSITION_PREFIX = /^\d+:\d+: /;
/** An XML declaration inside the root: one of a document pasted into another; skipped unread. */
const MISPLACED_DECLARATION = "an XML declaration must be at the start of the document.";
/**
 * saxes errors that wire files have always got away with: control characters in text, `<` in attribute
 * values, `]]>` in text, and a DOCTYPE of a document pasted inside another. Several roots are let
 * through here to be counted and refused by the caller.
 */
const TOLERATED = new Set([
  "disallowed character.",
  'the string "]]>" is disallowed in char data.',
  "inappropriately located doctype declaration.",
  "documents may contain only one root.",
]);

type EntityHook = { parseEntity: (entity: string) => string };
type Options = { xmlns: false; position: true; defaultXMLVersion: "1.0"; forceXMLVersion: true };
/** saxes' public surface; its private `parseEntity` is replaced below. */
type PublicSaxes = Pick<SaxesParser<Options>, "on" | "write" | "close" | "fail" | "position" | "line" | "column">;

if (typeof (SaxesParser.prototype as unknown as Partial<EntityHook>).parseEntity !== "function") {
  throw new Error("saxes no longer resolves entities through parseEntity; the XML tree builder needs updating");
}

/**
 * A saxes parser that leaves entity references as written: every text and attribute value is decoded
 * afterwards by decodeXmlEntities (five XML entities and numeric references only, nothing else is
 * expanded). Malformed references in text, and references that could have run past the end of an
 * attribute value, are refused.
 */
class WireSaxesParser extends (SaxesParser as unknown as new (options: Options) => PublicSaxes) implements EntityHook {
  inTag = false;
  // saxes stores each handler that `on` registers in a slot of its own. Declared here, the slots
  // are part of the object's shape from the start: added later, they push it into slow
  // dictionary mode and parsing gets five times slower.
  errorHandler = undefined;
  textHandler = undefined;
  cdataHandler = undefined;
  piHandler = undefined;
  xmldeclHandler = undefined;
  doctypeHandler = undefined;
  openTagStartHandler = undefined;
  openTagHandler = undefined;
  closeTagHandler = undefined;

  constructor() {
    // XML 1.1 rules would turn NEL and LINE SEPARATOR into line feeds; the text has always kept them.
    super({ xmlns: false, position: true, defaultXMLVersion: "1.0", forceXMLVersion: true });
  }

  parseEntity(entity: string): string {
    if (!(this.inTag ? ATTRIBUTE_ENTITY : TEXT_ENTITY).test(entity)) this.fail(`malformed entity reference: &${entity.slice(0, 40)}`);
    return `&${entity};`;
  }
}

/**
 * Parses a whole document with saxes (well-formedness checked, no DTD processing) into elements with
 * local names, attribute values as written (entity-decoded) and entity-decoded text runs. Text
 * around comments is one run; a CDATA section or processing instruction starts a new one. The
 * leniencies of the parser used before are kept (see TOLERATED). Nesting deeper than `maxDepth`
 * sets `tooDeep`.
 */
export function buildXmlTree(text: string, maxDepth: number): XmlTree {
  const source = neutralizeBadComments(text);
  const first = parseTree(source, source, maxDepth);
  // A bare `&` in an attribute value (accepted before) derails saxes; read once more without them.
  if (!first.failedInTag) return first.tree;
  const blanked = blankAttributeAmpersands(source);
  return blanked === source ? first.tree : parseTree(blanked, source, maxDepth).tree;
}

/** Parses `input` with saxes; attribute values are read from `source` (the same text, same length). */
function parseTree(input: string, source: string, maxDepth: number): { tree: XmlTree; failedInTag: boolean } {
  const parser = new WireSaxesParser();
  const roots: XmlElement[] = [];
  const stack: OpenElement[] = [];
  let pending = "";
  let tagStart = 0;
  let tooDeep = false;
  let pastedDeclaration = false;
  let closing = false;
  let doctypes = 0;
  const refuse = (message: string): never => {
    throw new RefusedXml({ message: message.replace(/\.$/, ""), line: parser.line, column: parser.column });
  };
  const flush = () => {
    const parent = stack[stack.length - 1];
    if (pending !== "" && parent) parent.children.push(decodeXmlEntities(pending));
    pending = "";
  };
  parser.on("error", (error) => {
    const message = error.message.replace(POSITION_PREFIX, "");
    // Inside a pasted XML declaration anything goes (it was always skipped unread).
    if (pastedDeclaration && !closing) return;
    if (message === MISPLACED_DECLARATION && roots.length > 0) pastedDeclaration = true;
    else if (!TOLERATED.has(message)) refuse(message);
  });
  parser.on("opentagstart", () => {
    parser.inTag = true;
    tagStart = source.lastIndexOf("<", parser.position);
  });
  parser.on("opentag", (tag) => {
    parser.inTag = false;
    if (tooDeep) return;
    flush();
    const name = safeName(tag.name.slice(tag.name.indexOf(":") + 1));
    const attrs = rawAttributes(source, tagStart, parser.position);
    if (name === null || attrs === null) return refuse(`a name in <${tag.name}> is reserved`);
    const element: OpenElement = { name, attrs, children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else roots.push(element);
    if (tag.isSelfClosing) return;
    if (stack.length > maxDepth) tooDeep = true;
    else stack.push(element);
  });
  parser.on("closetag", (tag) => {
    if (tooDeep || tag.isSelfClosing) return;
    flush();
    stack.pop();
  });
  parser.on("text", (value) => {
    if (stack.length > 0) pending += value;
  });
  parser.on("cdata", (value) => {
    if (tooDeep || stack.length === 0) return;
    flush();
    stack[stack.length - 1]?.children.push(decodeXmlEntities(value));
  });
  // A processing instruction (an XML declaration too) ends a text run; a comment or DOCTYPE does not.
  parser.on("processinginstruction", () => {
    if (!tooDeep) flush();
  });
  parser.on("xmldecl", () => {
    pastedDeclaration = false;
    if (!tooDeep) flush();
  });
  parser.on("doctype", () => {
    if (++doctypes > 1) refuse("more than one DOCTYPE declaration");
  });
  try {
    parser.write(input);
    closing = true;
    parser.close();
  } catch (error) {
    if (error instanceof RefusedXml) return { tree: { roots: [], tooDeep: false, error: error.syntax }, failedInTag: parser.inTag };
    throw error;
  }
  return { tree: { roots, tooDeep, error: null }, failedInTag: false };
}
