import { paragraphsToHtml } from "../text/sanitize";
import { cleanText } from "../text/plain-text";
import { type ExtractedBody, type NitfHead, nitfBodyToHtml, nitfHead } from "./nitf-body";
import { xhtmlBodyToHtml } from "./xhtml-body";
import type { XmlElement } from "./xml/nodes";
import { attr, child, descendants, elements, text, textOf } from "./xml/walk";
import { appendAll } from "../text/extremes";

// Components in these roles are media, styling or contacts: their NewsLines are captions, not the story's.
const NON_TEXT_ROLES = new Set(["photo", "picture", "image", "graphic", "logo", "video", "audio", "stylesheet", "contact"]);
const LINE_ROLES = new Set(["headline", "subheadline"]);

/** The FormalName of a NewsComponent's Role, lower case ("" when absent). */
export function roleOf(component: XmlElement): string {
  return (attr(child(component, "Role"), "FormalName") ?? "").toLowerCase();
}

/** The item's NewsComponents in document order, skipping media/stylesheet/contact subtrees. */
export function textComponents(item: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  const stack = elements(item, "NewsComponent").reverse();
  while (stack.length > 0) {
    const component = stack.pop() as XmlElement;
    if (NON_TEXT_ROLES.has(roleOf(component))) continue;
    found.push(component);
    appendAll(stack, elements(component, "NewsComponent").reverse());
  }
  return found;
}

/** The first non-empty text of a NewsLines child (e.g. "HeadLine") across the components. */
export function newsLine(components: readonly XmlElement[], name: string): string | null {
  for (const component of components) {
    for (const lines of elements(component, "NewsLines")) {
      const value = text(child(lines, name));
      if (value) return value;
    }
  }
  return null;
}

/** The first NewsLine whose NewsLineType FormalName matches (e.g. AFP's "AdvisoryLine"). */
export function typedNewsLine(components: readonly XmlElement[], type: RegExp): string | null {
  for (const component of components) {
    for (const line of elements(child(component, "NewsLines"), "NewsLine")) {
      if (type.test(attr(child(line, "NewsLineType"), "FormalName") ?? "")) return text(child(line, "NewsLineText"));
    }
  }
  return null;
}

/** Text of the DataContent of the component in the given role (Business Wire's "HeadLine"/"SubHeadLine"). */
export function roleText(components: readonly XmlElement[], role: string): string | null {
  const component = components.find((c) => roleOf(c) === role);
  const data = child(component ?? null, "ContentItem", "DataContent");
  const items = descendants(data, "li").map((li) => text(li));
  return items.length > 0 ? cleanText(items.filter((item) => item !== null).join("; ")) : text(data);
}

/** A DataContent rendered as body: embedded NITF, (X)HTML, or plain text paragraphs. */
function dataContentBody(data: XmlElement): { body: ExtractedBody; head: NitfHead | null } {
  const root = elements(data)[0];
  if (!root) return { body: { html: paragraphsToHtml(textOf(data).split(/\r?\n\s*\r?\n/)), datelineText: null }, head: null };
  if (root.name.toLowerCase() === "nitf") return { body: nitfBodyToHtml(root), head: nitfHead(root) };
  return { body: xhtmlBodyToHtml(root), head: null };
}

/** The story body: the "Body"/"Main" component if any, else the first text ContentItem found. */
export function bodyOf(components: readonly XmlElement[]): { body: ExtractedBody; head: NitfHead | null } | null {
  const ordered = [
    ...components.filter((c) => ["body", "main"].includes(roleOf(c))),
    ...components.filter((c) => !LINE_ROLES.has(roleOf(c))),
  ];
  for (const component of ordered) {
    for (const item of elements(component, "ContentItem")) {
      const media = (attr(child(item, "MediaType"), "FormalName") ?? "text").toLowerCase();
      const data = child(item, "DataContent");
      if (data && media === "text" && (elements(data).length > 0 || text(data))) return dataContentBody(data);
    }
  }
  return null;
}
