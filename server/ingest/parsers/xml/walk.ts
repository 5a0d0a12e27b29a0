import { cleanText } from "../../text/plain-text";
import type { XmlElement, XmlNode } from "./nodes";

/** True when the node is an element (not text). */
export function isElement(node: XmlNode | null | undefined): node is XmlElement {
  return typeof node === "object" && node !== null;
}

/** True when the element's local name is `lowerName` (given in lower case), ignoring case. */
function isNamed(el: XmlElement, lowerName: string): boolean {
  const name = el.name;
  return name === lowerName || (name.length === lowerName.length && name.toLowerCase() === lowerName);
}

/** Child elements, optionally only those with the given local name (case-insensitive). */
export function elements(el: XmlElement | null | undefined, name?: string): XmlElement[] {
  const found: XmlElement[] = [];
  if (!el) return found;
  const wanted = name?.toLowerCase();
  for (const node of el.children) {
    if (isElement(node) && (wanted === undefined || isNamed(node, wanted))) found.push(node);
  }
  return found;
}

/** The first child element with the local name (given in lower case), or null. */
function firstChild(el: XmlElement, lowerName: string): XmlElement | null {
  for (const node of el.children) {
    if (isElement(node) && isNamed(node, lowerName)) return node;
  }
  return null;
}

/** The first element reached by following child local names, e.g. `child(item, "itemMeta", "provider")`. */
export function child(el: XmlElement | null | undefined, ...path: string[]): XmlElement | null {
  let current: XmlElement | null = el ?? null;
  for (const name of path) {
    if (!current) return null;
    current = firstChild(current, name.toLowerCase());
  }
  return current;
}

/**
 * Visits every element below `el` in document order (iterative, depth-safe) until `visit` returns
 * true; returns the element it stopped at, or null.
 */
function walk(el: XmlElement, visit: (candidate: XmlElement) => boolean): XmlElement | null {
  const stack: XmlElement[] = [];
  const pushChildren = (parent: XmlElement) => {
    for (let i = parent.children.length - 1; i >= 0; i--) {
      const kid = parent.children[i];
      if (isElement(kid)) stack.push(kid);
    }
  };
  pushChildren(el);
  while (stack.length > 0) {
    const next = stack.pop() as XmlElement;
    if (visit(next)) return next;
    pushChildren(next);
  }
  return null;
}

/** Every descendant element with the local name, in document order (iterative, depth-safe). */
export function descendants(el: XmlElement | null | undefined, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  if (!el) return found;
  const wanted = name.toLowerCase();
  walk(el, (candidate) => {
    if (isNamed(candidate, wanted)) found.push(candidate);
    return false;
  });
  return found;
}

/** The first descendant element with the local name, or null. */
export function findFirst(el: XmlElement | null | undefined, name: string): XmlElement | null {
  if (!el) return null;
  const wanted = name.toLowerCase();
  return walk(el, (candidate) => isNamed(candidate, wanted));
}

/** All text below a node, concatenated verbatim. */
export function textOf(node: XmlNode | null | undefined): string {
  if (node === null || node === undefined) return "";
  if (typeof node === "string") return node;
  let out = "";
  for (const kid of node.children) out += textOf(kid);
  return out;
}

/** Whitespace-collapsed text of an element, or null when empty/absent. */
export function text(el: XmlElement | null | undefined): string | null {
  return el ? cleanText(textOf(el)) : null;
}

/** Whitespace-collapsed text of the first child reached by the path, or null. */
export function childText(el: XmlElement | null | undefined, ...path: string[]): string | null {
  return text(child(el, ...path));
}

/** An attribute value by local name (case-insensitive), trimmed; null when absent or blank. */
export function attr(el: XmlElement | null | undefined, name: string): string | null {
  if (!el) return null;
  const wanted = name.toLowerCase();
  for (const key in el.attrs) {
    if (key === wanted || (key.length === wanted.length && key.toLowerCase() === wanted)) return cleanText(el.attrs[key] ?? "");
  }
  return null;
}

/** The class list of an element (HTML `class` attribute). */
export function classes(el: XmlElement): string[] {
  const value = attr(el, "class");
  return value === null ? [] : value.split(" ");
}

/** A copy of the tree without the first element (document order) that satisfies the predicate. */
export function removeFirst(el: XmlElement, predicate: (candidate: XmlElement) => boolean): { element: XmlElement; removed: XmlElement | null } {
  const path = pathTo(el, predicate);
  const target = path.at(-1);
  if (!target) return { element: el, removed: null };
  // Rebuild only the ancestors of the removed element; everything else is shared.
  let rebuilt: XmlElement | null = null;
  for (let depth = path.length - 2; depth >= -1; depth--) {
    const parent = depth >= 0 ? (path[depth] as XmlElement) : el;
    const replaced = path[depth + 1] as XmlElement;
    const children: XmlNode[] = rebuilt ? parent.children.map((kid) => (kid === replaced ? (rebuilt as XmlElement) : kid)) : parent.children.filter((kid) => kid !== replaced);
    rebuilt = { name: parent.name, attrs: parent.attrs, children };
  }
  return { element: rebuilt ?? el, removed: target };
}

interface Trail {
  node: XmlElement;
  up: Trail | null;
}

/** Elements from below `el` down to the first descendant matching the predicate (empty when none). */
function pathTo(el: XmlElement, predicate: (candidate: XmlElement) => boolean): XmlElement[] {
  const stack: Trail[] = elements(el).reverse().map((node) => ({ node, up: null }));
  while (stack.length > 0) {
    const trail = stack.pop() as Trail;
    if (predicate(trail.node)) {
      const path: XmlElement[] = [];
      for (let at: Trail | null = trail; at; at = at.up) path.unshift(at.node);
      return path;
    }
    const kids = elements(trail.node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i] as XmlElement, up: trail });
  }
  return [];
}

/** The text after the last `:` of a QCode (`nprov:dpa` → `dpa`), or the value itself. */
export function qcodeValue(qcode: string | null): string | null {
  if (!qcode) return null;
  return cleanText(qcode.slice(qcode.lastIndexOf(":") + 1));
}
