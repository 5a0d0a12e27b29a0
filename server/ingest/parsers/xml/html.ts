import { singleSpaced } from "../../text/white-space";
import type { XmlElement, XmlNode } from "./nodes";

/** How a subtree is turned back into (unsanitized) HTML. */
export interface HtmlSerializeOptions {
  /** Elements for which this returns true are left out together with their content. */
  drop?: (el: XmlElement) => boolean;
  /** Local element name (lower case) → HTML element name, e.g. `{ hl2: "h2", bq: "blockquote" }`. */
  rename?: Readonly<Record<string, string>>;
}

const VOID = new Set(["br", "hr", "img", "col", "wbr"]);
const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

const TEXT_SPECIAL = /[&<>]/g;
const ATTRIBUTE_SPECIAL = /[&<>"]/g;
const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

function escapeText(value: string): string {
  return value.replace(TEXT_SPECIAL, (c) => ESCAPES[c] ?? c);
}

function escapeAttr(value: string): string {
  return value.replace(ATTRIBUTE_SPECIAL, (c) => ESCAPES[c] ?? c);
}

/** Serializes one node back to HTML markup (to be sanitized afterwards); white space is collapsed outside `pre`. */
export function nodeToHtml(node: XmlNode, options: HtmlSerializeOptions = {}, preformatted = false): string {
  if (typeof node === "string") return escapeText(preformatted ? node : singleSpaced(node));
  if (options.drop?.(node)) return "";
  const name = options.rename?.[node.name.toLowerCase()] ?? node.name;
  const inner = innerHtml(node, options, preformatted || name.toLowerCase() === "pre");
  if (!SAFE_NAME.test(name)) return inner;
  let attrs = "";
  for (const [key, value] of Object.entries(node.attrs)) {
    if (SAFE_NAME.test(key)) attrs += ` ${key}="${escapeAttr(value)}"`;
  }
  if (VOID.has(name.toLowerCase())) return `<${name}${attrs}/>`;
  return `<${name}${attrs}>${inner}</${name}>`;
}

/** Serializes the children of an element (its "inner HTML"). */
export function innerHtml(el: XmlElement, options: HtmlSerializeOptions = {}, preformatted = false): string {
  let out = "";
  for (const kid of el.children) out += nodeToHtml(kid, options, preformatted);
  return out;
}
