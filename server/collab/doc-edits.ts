import { diffArrays, diffWordsWithSpace } from "diff";
import * as Y from "yjs";
import { COLLAB_BODY_FIELD, COLLAB_TEXT_FIELDS } from "../contract/collab";
import { htmlToBodyJson, type BodyNode } from "./body-json";
import { insertBodyNodes, nodeToHtml, type DeskCopySeed } from "./story-doc";

/**
 * Edits that make a shared document hold a given text, as ordinary Yjs changes (so they merge with
 * whatever co-editors type meanwhile, and every open editor follows them): used to restore a desk
 * version and to bring an agency version in.
 */

/** Changes a Y.Text to `to` word by word: unchanged words keep their items (and other people's carets). */
export function setText(text: Y.Text, to: string): void {
  const from = text.toJSON();
  if (from === to) return;
  let at = 0;
  for (const change of diffWordsWithSpace(from, to)) {
    if (change.removed) text.delete(at, change.value.length);
    else if (change.added) {
      text.insert(at, change.value);
      at += change.value.length;
    } else at += change.value.length;
  }
}

/** The plain text of a block when it is one run of unformatted text (null otherwise). */
function plainRun(node: Y.XmlElement | Y.XmlText | Y.XmlHook): { text: Y.XmlText; value: string } | null {
  if (!(node instanceof Y.XmlElement) || node.length !== 1) return null;
  const only = node.get(0);
  if (!(only instanceof Y.XmlText)) return null;
  const delta = only.toDelta() as { insert: unknown; attributes?: object }[];
  if (delta.some((op) => typeof op.insert !== "string" || (op.attributes && Object.keys(op.attributes).length > 0))) return null;
  return { text: only, value: only.toJSON() };
}

/** The same for a JSON block about to be written. */
function plainJsonRun(node: BodyNode): string | null {
  const content = node.content ?? [];
  if (content.length !== 1 || content[0]!.type !== "text" || (content[0]!.marks?.length ?? 0) > 0) return null;
  return content[0]!.text ?? "";
}

/** The HTML of JSON blocks as the document would write them back (to compare blocks with the document's). */
function blocksHtml(nodes: readonly BodyNode[]): string[] {
  const scratch = new Y.Doc();
  const fragment = scratch.getXmlFragment("scratch");
  return nodes.map((node) => {
    fragment.delete(0, fragment.length);
    insertBodyNodes(fragment, [node]);
    const child = fragment.get(0);
    return child ? nodeToHtml(child) : "";
  });
}

/**
 * Changes the body to `html` block by block: unchanged blocks stay as they are, a changed block of
 * plain text is edited word by word (so someone's typing elsewhere in it survives), other changed
 * blocks are replaced.
 */
export function setBodyHtml(fragment: Y.XmlFragment, html: string): void {
  const wanted = (htmlToBodyJson(html).content ?? []).filter((node) => node.type !== "text");
  const current = fragment.toArray().map((node) => nodeToHtml(node));
  const target = blocksHtml(wanted);
  let at = 0;
  let next = 0; // index into `wanted`
  const changes = diffArrays(current, target);
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    const count = change.value.length;
    if (!change.added && !change.removed) {
      at += count;
      next += count;
      continue;
    }
    const following = changes[i + 1];
    if (change.removed && following?.added) {
      // A run of changed blocks: pair them up, edit plain ones in place, replace the rest.
      const pairs = Math.min(count, following.value.length);
      for (let k = 0; k < pairs; k++) {
        const node = fragment.get(at) as Y.XmlElement;
        const wantedNode = wanted[next]!;
        const run = plainRun(node);
        const wantedText = plainJsonRun(wantedNode);
        if (run && wantedText !== null && node.nodeName === wantedNode.type && sameAttributes(node, wantedNode)) setText(run.text, wantedText);
        else {
          fragment.delete(at, 1);
          insertBodyNodes(fragment, [wantedNode], at);
        }
        at += 1;
        next += 1;
      }
      if (count > pairs) fragment.delete(at, count - pairs);
      for (let k = pairs; k < following.value.length; k++) at += insertBodyNodes(fragment, [wanted[next++]!], at);
      i += 1;
      continue;
    }
    if (change.removed) fragment.delete(at, count);
    else for (let k = 0; k < count; k++) at += insertBodyNodes(fragment, [wanted[next++]!], at);
  }
}

function sameAttributes(node: Y.XmlElement, wanted: BodyNode): boolean {
  const have = node.getAttributes() as Record<string, unknown>;
  const want = wanted.attrs ?? {};
  const keys = new Set([...Object.keys(have), ...Object.keys(want)]);
  return [...keys].every((key) => String(have[key]) === String((want as Record<string, unknown>)[key]));
}

/** Makes the document's co-edited fields hold `text` (one transaction). */
export function setDeskText(doc: Y.Doc, text: DeskCopySeed): void {
  doc.transact(() => {
    for (const field of COLLAB_TEXT_FIELDS) setText(doc.getText(field), text[field] ?? "");
    setBodyHtml(doc.getXmlFragment(COLLAB_BODY_FIELD), text.bodyHtml);
  });
}

/**
 * The update that replays the change from `base` (a state the live document descends from) to
 * `text`: applied to the live document it merges with every edit made since `base`. Also answers the
 * new base (the state holding `text`).
 */
export function changeSince(base: Uint8Array, text: DeskCopySeed): { update: Uint8Array; base: Uint8Array } {
  const fork = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(fork, base);
    const before = Y.encodeStateVector(fork);
    setDeskText(fork, text);
    return { update: Y.encodeStateAsUpdate(fork, before), base: Y.encodeStateAsUpdate(fork) };
  } finally {
    fork.destroy();
  }
}
