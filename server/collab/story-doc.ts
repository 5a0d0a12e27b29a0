import * as Y from "yjs";
import { COLLAB_BODY_FIELD, COLLAB_TEXT_FIELDS, type CollabTextField } from "../contract/collab";
import { escapeHtml, sanitizeWireHtml } from "../ingest/text/sanitize";
import { htmlToText } from "../ingest/text/plain-text";
import { countWords } from "../ingest/text/word-count";
import type { DeskCopyWrite } from "../storage/desk-copy-store";
import { htmlToBodyJson, type BodyMark, type BodyNode } from "./body-json";

/** What a new shared document starts from: the story's current text. */
export type DeskCopySeed = Pick<DeskCopyWrite, "headline" | "slugline" | "byline" | "abstract" | "bodyHtml">;

/** Marks stored as Y.XmlText attributes the way y-prosemirror does: `{[markName]: attrs}`. */
function markAttributes(marks: readonly BodyMark[] | undefined): Record<string, object> | undefined {
  if (!marks || marks.length === 0) return undefined;
  return Object.fromEntries(marks.map((m) => [m.type, m.attrs ?? {}]));
}

/** Inserts JSON nodes into a Y parent (already in the document) at `index` (default: the end); returns how many Y children it added. */
export function insertBodyNodes(parent: Y.XmlFragment | Y.XmlElement, content: readonly BodyNode[], index = parent.length): number {
  let text: Y.XmlText | null = null;
  let at = index;
  for (const child of content) {
    if (child.type === "text") {
      if (!text) {
        text = new Y.XmlText();
        parent.insert(at++, [text]);
      }
      text.insert(text.length, child.text ?? "", markAttributes(child.marks) ?? {});
      continue;
    }
    text = null;
    const element = new Y.XmlElement(child.type);
    parent.insert(at++, [element]);
    for (const [key, value] of Object.entries(child.attrs ?? {})) element.setAttribute(key, value as unknown as string);
    insertBodyNodes(element, child.content ?? []);
  }
  return at - index;
}

/** Writes body HTML into an empty body fragment, as Tiptap's schema expects it. */
export function writeBodyHtml(fragment: Y.XmlFragment, html: string): void {
  insertBodyNodes(fragment, htmlToBodyJson(html).content ?? []);
}

/** Fills a new document with a story's text (once, when the story is first edited). */
export function seedStoryDoc(doc: Y.Doc, seed: DeskCopySeed): void {
  doc.transact(() => {
    for (const field of COLLAB_TEXT_FIELDS) {
      const value = seed[field];
      if (value) doc.getText(field).insert(0, value);
    }
    writeBodyHtml(doc.getXmlFragment(COLLAB_BODY_FIELD), seed.bodyHtml);
  });
}

const BLOCK_TAGS: Record<string, string> = { paragraph: "p", blockquote: "blockquote", bulletList: "ul", orderedList: "ol", listItem: "li", codeBlock: "pre" };
const MARK_ORDER = ["link", "bold", "italic", "underline", "strike", "code"] as const;
const MARK_TAGS: Record<string, string> = { bold: "strong", italic: "em", underline: "u", strike: "s", code: "code" };

function textToHtml(node: Y.XmlText): string {
  let html = "";
  for (const op of node.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== "string") continue;
    let piece = escapeHtml(op.insert);
    // Overlapping marks are stored as `name--hash` by y-prosemirror.
    const names = new Map(Object.entries(op.attributes ?? {}).map(([key, value]) => [key.split("--")[0]!, value]));
    for (const mark of [...MARK_ORDER].reverse()) {
      if (!names.has(mark)) continue;
      if (mark === "link") {
        const href = (names.get("link") as { href?: unknown } | null)?.href;
        piece = typeof href === "string" ? `<a href="${escapeHtml(href)}">${piece}</a>` : piece;
      } else piece = `<${MARK_TAGS[mark]}>${piece}</${MARK_TAGS[mark]}>`;
    }
    html += piece;
  }
  return html;
}

/** One node of the body as HTML (not yet sanitized). */
export function nodeToHtml(node: Y.XmlElement | Y.XmlText | Y.XmlHook): string {
  if (node instanceof Y.XmlText) return textToHtml(node);
  if (!(node instanceof Y.XmlElement)) return "";
  const inner = node.toArray().map((child) => nodeToHtml(child)).join("");
  const name = node.nodeName;
  if (name === "hardBreak") return "<br>";
  if (name === "horizontalRule") return "<hr>";
  if (name === "heading") {
    const level = Math.min(6, Math.max(2, Number(node.getAttribute("level")) || 2));
    return `<h${level}>${inner}</h${level}>`;
  }
  const tag = BLOCK_TAGS[name];
  // Anything else (a hand-made update can hold any element name) keeps only its content.
  return tag ? `<${tag}>${inner}</${tag}>` : inner;
}

/** The body as HTML, sanitized with the wire allow-list (a hand-made update cannot store a script). */
export function readBodyHtml(doc: Y.Doc): string {
  const fragment = doc.getXmlFragment(COLLAB_BODY_FIELD);
  const raw = fragment
    .toArray()
    .map((child) => nodeToHtml(child))
    .join("\n");
  return sanitizeWireHtml(raw);
}

function optional(doc: Y.Doc, field: CollabTextField): string | null {
  // Line breaks become spaces and the ends are trimmed; the text in between is kept as typed.
  const value = doc.getText(field).toJSON().replace(/[\r\n\t]+/g, " ").trim();
  return value === "" ? null : value;
}

/** The desk copy's current text, as the story row stores it. */
export function readDeskCopy(doc: Y.Doc): DeskCopyWrite {
  const bodyHtml = readBodyHtml(doc);
  const bodyText = htmlToText(bodyHtml);
  return {
    headline: optional(doc, "headline") ?? "",
    slugline: optional(doc, "slugline"),
    byline: optional(doc, "byline"),
    abstract: optional(doc, "abstract"),
    bodyHtml,
    bodyText,
    wordCount: countWords(bodyText),
  };
}
