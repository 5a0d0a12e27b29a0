import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { OpenDoc } from "./open-doc";

/** A client's copy of the server's document. */
function clientOf(open: OpenDoc): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(open.doc));
  return doc;
}

/** What `doc` changed while `change` ran, as one update. */
function changeOf(doc: Y.Doc, change: (text: Y.Text) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc.getText("headline"));
  return Y.encodeStateAsUpdate(doc, before);
}

describe("an open document tells an update that changes nothing from a change", () => {
  it("counts only deletions it already holds as no change: a join's echo, or the same deletion twice", () => {
    const open = new OpenDoc("story");
    const typist = clientOf(open);
    expect(open.apply(changeOf(typist, (t) => t.insert(0, "Floods close roads now")), "a")).toBe(true);
    const deletion = changeOf(typist, (t) => t.delete(18, 4));
    expect(open.apply(deletion, "a")).toBe(true);
    expect(open.doc.getText("headline").toJSON()).toBe("Floods close roads");
    expect(open.apply(deletion, "a")).toBe(false);
    // A fresh editor's join: nothing the server lacks, but the whole delete set comes back.
    const opener = clientOf(open);
    expect(open.apply(Y.encodeStateAsUpdate(opener, Y.encodeStateVector(open.doc)), "b")).toBe(false);
  });

  it("counts every update with items as a change, and deletions of what it has not received yet", () => {
    const open = new OpenDoc("story");
    const typist = clientOf(open);
    const first = changeOf(typist, (t) => t.insert(0, "Quake"));
    const second = changeOf(typist, (t) => t.insert(5, " hits"));
    const third = changeOf(typist, (t) => t.insert(10, " city"));
    const deleteUnseen = changeOf(typist, (t) => t.delete(5, 5));
    // Deletions of items still on their way, and items waiting for earlier ones: both kept for later.
    expect(open.apply(deleteUnseen, "a")).toBe(true);
    expect(open.apply(third, "a")).toBe(true);
    expect(open.apply(second, "a")).toBe(true);
    expect(open.doc.getText("headline").toJSON()).toBe("");
    expect(open.apply(first, "a")).toBe(true);
    expect(open.doc.getText("headline").toJSON()).toBe("Quake city");
    // A resend of items it has already is counted too (storing it again is harmless; dropping a real one is not).
    expect(open.apply(first, "a")).toBe(true);
  });
});
