import { Parser } from "htmlparser2";
import { isAllowedLink } from "../contract/link-schemes";
import { capHtmlNesting } from "../ingest/text/nesting";

/** A ProseMirror mark as Tiptap's StarterKit names it. */
export interface BodyMark {
  type: "bold" | "italic" | "underline" | "strike" | "code" | "link";
  attrs?: { href: string };
}

/** A ProseMirror node of the body (StarterKit's schema), as JSON. */
export interface BodyNode {
  type: string;
  attrs?: Record<string, string | number>;
  content?: BodyNode[];
  text?: string;
  marks?: BodyMark[];
}

const MARK_TAGS: Record<string, BodyMark["type"]> = { strong: "bold", b: "bold", em: "italic", i: "italic", u: "underline", s: "strike", strike: "strike", del: "strike", code: "code", a: "link" };
const CONTAINERS: Record<string, string> = { blockquote: "blockquote", ul: "bulletList", ol: "orderedList", li: "listItem" };
const BOUNDARIES = new Set(["div", "table", "thead", "tbody", "tfoot", "tr", "caption", "section", "article", "header", "footer", "figure", "figcaption"]);
const DROPPED = new Set(["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed", "svg", "math", "template", "title", "head"]);

function textblockOf(tag: string): BodyNode | null {
  if (tag === "p") return { type: "paragraph", content: [] };
  if (tag === "pre") return { type: "codeBlock", content: [] };
  const level = /^h([1-6])$/.exec(tag);
  return level ? { type: "heading", attrs: { level: Number(level[1]) }, content: [] } : null;
}

/**
 * Reads body HTML (wire copy after sanitizing, or anything else) into the JSON of Tiptap's StarterKit
 * schema: paragraphs, headings, quotes, lists, code blocks, rules, hard breaks and the marks bold,
 * italic, underline, strike, code and link. Other elements keep only their text. One pass, linear.
 */
export function htmlToBodyJson(html: string): BodyNode {
  const doc: BodyNode = { type: "doc", content: [] };
  const containers: { node: BodyNode; tag: string }[] = [{ node: doc, tag: "" }];
  const openContainers = new OpenContainers(containers);
  const marks = new OpenMarks();
  let textblock: { node: BodyNode; tag: string | null } | null = null;
  let dropDepth = 0;

  const container = () => containers[containers.length - 1]!.node;
  const closeTextblock = () => (textblock = null);
  const openTextblock = (node: BodyNode, tag: string | null) => {
    closeTextblock();
    container().content!.push(node);
    textblock = { node, tag };
  };
  const ensureTextblock = () => textblock ?? openTextblock({ type: "paragraph", content: [] }, null) ?? textblock!;

  const parser = new Parser(
    {
      onopentag(rawName, attributes) {
        const tag = rawName.toLowerCase();
        if (dropDepth > 0 || DROPPED.has(tag)) return void (dropDepth += DROPPED.has(tag) ? 1 : 0);
        const markType = MARK_TAGS[tag];
        if (markType) {
          const href = attributes.href ?? "";
          // A link to anything but http(s) or mail keeps its text only (the wire allow-list's schemes).
          if (markType === "link" && !isAllowedLink(href)) return void marks.open(tag, null);
          return void marks.open(tag, markType === "link" ? { type: "link", attrs: { href: href.trim() } } : { type: markType });
        }
        const block = textblockOf(tag);
        if (block) return void openTextblock(block, tag);
        const containerType = CONTAINERS[tag];
        if (containerType) {
          closeTextblock();
          const node: BodyNode = { type: containerType, content: [] };
          container().content!.push(node);
          openContainers.push({ node, tag });
          return;
        }
        if (tag === "br") return void ensureTextblock().node.content!.push({ type: "hardBreak" });
        if (tag === "hr") {
          closeTextblock();
          container().content!.push({ type: "horizontalRule" });
          return;
        }
        if (tag === "td" || tag === "th") {
          if (textblock) textblock.node.content!.push({ type: "text", text: " " });
          return;
        }
        if (BOUNDARIES.has(tag)) closeTextblock();
      },
      ontext(raw) {
        if (dropDepth > 0) return;
        const isCode = textblock?.node.type === "codeBlock";
        const text = isCode ? raw : raw.replace(/[\t\n\r\f ]+/g, " ");
        if (text === "" || (!textblock && text.trim() === "")) return;
        const node: BodyNode = { type: "text", text };
        const active = isCode ? [] : marks.active();
        if (active.length > 0) node.marks = active;
        ensureTextblock().node.content!.push(node);
      },
      onclosetag(rawName) {
        const tag = rawName.toLowerCase();
        if (DROPPED.has(tag)) return void (dropDepth = Math.max(0, dropDepth - 1));
        if (dropDepth > 0) return;
        if (MARK_TAGS[tag]) return void marks.close(tag);
        if (textblock?.tag === tag) return void closeTextblock();
        if (CONTAINERS[tag]) {
          if (openContainers.closeLast(tag)) closeTextblock();
          return;
        }
        if (BOUNDARIES.has(tag)) closeTextblock();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(capHtmlNesting(html));
  parser.end();
  return normalizeBody(doc);
}

/**
 * The marks open around the text, kept so that opening, closing and reading them cost the same
 * however many are open (a body of unclosed `<b>` stays linear). Reading gives one mark per type,
 * in the order the types were first opened, the innermost mark of each type winning (its link).
 */
class OpenMarks {
  private nextId = 0;
  private readonly closed = new Set<number>();
  /** Open entries per tag name, innermost last (a close tag ends the innermost of its name). */
  private readonly byTag = new Map<string, { id: number; mark: BodyMark | null }[]>();
  /** Open marks per mark type, outermost from `head`; closed entries are skipped when read. */
  private readonly byType = new Map<BodyMark["type"], { entries: { id: number; mark: BodyMark }[]; head: number }>();

  open(tag: string, mark: BodyMark | null): void {
    const id = this.nextId++;
    const list = this.byTag.get(tag) ?? [];
    list.push({ id, mark });
    this.byTag.set(tag, list);
    if (!mark) return;
    const stack = this.byType.get(mark.type) ?? { entries: [], head: 0 };
    stack.entries.push({ id, mark });
    this.byType.set(mark.type, stack);
  }

  close(tag: string): void {
    const entry = this.byTag.get(tag)?.pop();
    if (entry) this.closed.add(entry.id);
  }

  active(): BodyMark[] {
    const live: { first: number; mark: BodyMark }[] = [];
    for (const stack of this.byType.values()) {
      const { entries } = stack;
      while (entries.length > stack.head && this.closed.has(entries[entries.length - 1]!.id)) entries.pop();
      while (stack.head < entries.length && this.closed.has(entries[stack.head]!.id)) stack.head++;
      if (stack.head >= entries.length) {
        entries.length = 0;
        stack.head = 0;
        continue;
      }
      live.push({ first: entries[stack.head]!.id, mark: entries[entries.length - 1]!.mark });
    }
    return live.sort((a, b) => a.first - b.first).map((entry) => entry.mark);
  }
}

/**
 * The stack of open containers (quotes, lists, items) with, per tag, where its open ones stand, so a
 * close tag finds the innermost of its name without scanning the stack (deep lists stay linear).
 */
class OpenContainers {
  private readonly byTag = new Map<string, { at: number; entry: { node: BodyNode; tag: string } }[]>();
  private readonly stack: { node: BodyNode; tag: string }[];

  constructor(stack: { node: BodyNode; tag: string }[]) {
    this.stack = stack;
  }

  push(entry: { node: BodyNode; tag: string }): void {
    const list = this.byTag.get(entry.tag) ?? [];
    list.push({ at: this.stack.length, entry });
    this.byTag.set(entry.tag, list);
    this.stack.push(entry);
  }

  /** Closes the innermost open container of this tag and everything inside it; false when none is open. */
  closeLast(tag: string): boolean {
    const list = this.byTag.get(tag);
    if (!list) return false;
    // Entries cut off by an earlier close are stale: the stack no longer holds them at their place.
    while (list.length > 0 && this.stack[list[list.length - 1]!.at] !== list[list.length - 1]!.entry) list.pop();
    const last = list.pop();
    if (!last || last.at === 0) return false;
    this.stack.length = last.at;
    return true;
  }
}

function sameMarks(a: readonly BodyMark[] | undefined, b: readonly BodyMark[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

/** Merges neighbouring texts with the same marks, trims the ends and codes breaks in code blocks. */
function normalizeInline(node: BodyNode): BodyNode {
  const out: BodyNode[] = [];
  for (const child of node.content ?? []) {
    const item = node.type === "codeBlock" && child.type === "hardBreak" ? { type: "text", text: "\n" } : child;
    const last = out[out.length - 1];
    if (item.type === "text" && last?.type === "text" && sameMarks(last.marks, item.marks)) last.text = (last.text ?? "") + (item.text ?? "");
    else out.push({ ...item });
  }
  if (node.type !== "codeBlock") {
    const first = out[0];
    if (first?.type === "text") first.text = first.text!.replace(/^ +/, "");
    const last = out[out.length - 1];
    if (last?.type === "text") last.text = last.text!.replace(/ +$/, "");
  }
  return { ...node, content: out.filter((c) => c.type !== "text" || c.text !== "") };
}

const paragraph = (): BodyNode => ({ type: "paragraph", content: [] });

/** Makes the tree valid for the schema: lists hold list items, list items start with a paragraph, nothing is empty. */
function normalizeBlocks(nodes: readonly BodyNode[], parent: string): BodyNode[] {
  const out: BodyNode[] = [];
  for (const node of nodes) {
    if (node.type === "paragraph" || node.type === "heading" || node.type === "codeBlock") {
      const inline = normalizeInline(node);
      // Whitespace between blocks opened empty paragraphs; a real empty paragraph came from <p></p>.
      out.push(inline);
    } else if (node.type === "horizontalRule") out.push(node);
    else if (node.type === "bulletList" || node.type === "orderedList") {
      const items = (node.content ?? []).map((c) => (c.type === "listItem" ? c : { type: "listItem", content: [c] }));
      const content = normalizeBlocks(items, node.type);
      if (content.length > 0) out.push({ type: node.type, content });
    } else if (node.type === "listItem") {
      const content = normalizeBlocks(node.content ?? [], "listItem");
      if (content[0]?.type !== "paragraph") content.unshift(paragraph());
      const item = { type: "listItem", content };
      if (parent === "bulletList" || parent === "orderedList") out.push(item);
      else for (const block of content) out.push(block);
    } else if (node.type === "blockquote") {
      const content = normalizeBlocks(node.content ?? [], "blockquote");
      if (content.length > 0) out.push({ type: "blockquote", content });
    }
  }
  return out;
}

/** A schema-valid copy of a body tree (never empty: at least one paragraph). */
export function normalizeBody(doc: BodyNode): BodyNode {
  const content = normalizeBlocks(doc.content ?? [], "doc").filter((n, i, all) => !(n.type === "paragraph" && n.content?.length === 0 && all.length > 1));
  return { type: "doc", content: content.length > 0 ? content : [paragraph()] };
}
