import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { applyTextEdit, shiftIndex, textEdit } from "./y-text-field";

describe("a one-line field's edit", () => {
  it("puts typed text at the caret, even beside the same letters", () => {
    // "Stormab": typing "b" after the "a" (caret 7 after it) is an insert at 6, not behind the other "b".
    expect(textEdit("Stormab", "Stormabb", 7)).toEqual({ at: 6, removed: 0, inserted: "b" });
    expect(textEdit("abc", "aXYbc", 3)).toEqual({ at: 1, removed: 0, inserted: "XY" });
    // A replaced selection or a deletion: what lies between the common start and end.
    expect(textEdit("Storm alpha", "Storm beta", 10)).toEqual({ at: 6, removed: 4, inserted: "bet" });
    expect(textEdit("Stormy", "Storm", 5)).toEqual({ at: 5, removed: 1, inserted: "" });
    expect(textEdit("abc", "abXc", null)).toEqual({ at: 2, removed: 0, inserted: "X" });
  });

  it("keeps a caret after its typist's own text when someone types at the same spot", () => {
    // Remote "b" at the caret (6): the caret stays; before it, the caret moves on; a selection's start moves with its text.
    expect(shiftIndex(6, [{ retain: 6 }, { insert: "b" }], true)).toBe(6);
    expect(shiftIndex(6, [{ retain: 5 }, { insert: "b" }], true)).toBe(7);
    expect(shiftIndex(6, [{ retain: 6 }, { insert: "b" }], false)).toBe(7);
    expect(shiftIndex(6, [{ retain: 2 }, { delete: 2 }, { insert: "xyz" }], true)).toBe(7);
    expect(shiftIndex(3, [{ retain: 1 }, { delete: 5 }], true)).toBe(1);
    expect(shiftIndex(6, [{ retain: 8 }, { insert: "late" }], true)).toBe(6);
  });
});

/** One person's one-line field bound to their copy of the text, as YTextField binds it. */
function field(doc: Y.Doc) {
  const text = doc.getText("headline");
  const local = Symbol("local");
  const state = { value: text.toJSON(), caret: text.length };
  text.observe((event, transaction) => {
    if (transaction.origin === local) return;
    state.caret = shiftIndex(state.caret, event.delta, true);
    state.value = text.toJSON();
  });
  return {
    doc,
    state,
    type(char: string) {
      const after = state.value.slice(0, state.caret) + char + state.value.slice(state.caret);
      state.caret += char.length;
      state.value = after;
      applyTextEdit(text, textEdit(text.toJSON(), after, state.caret), local);
    },
  };
}

describe("three people typing at the end of the same headline at once", () => {
  it("keeps each person's words together, in every order the network delivers them", () => {
    const words = [" alpha", " bravo", " charlie"];
    for (let seed = 1; seed <= 40; seed++) {
      let random = seed;
      const next = () => ((random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const base = new Y.Doc();
      base.getText("headline").insert(0, "Storm");
      const people = words.map(() => {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
        return field(doc);
      });
      // Updates in flight: each reaches the others after a random number of steps.
      const inFlight: { to: number; update: Uint8Array; at: number }[] = [];
      people.forEach((person, i) =>
        person.doc.on("update", (update: Uint8Array, origin: unknown) => {
          if (origin === "network") return;
          people.forEach((_, j) => j !== i && inFlight.push({ to: j, update, at: step + 1 + Math.floor(next() * 4) }));
        }),
      );
      let step = 0;
      const typed = words.map(() => 0);
      while (typed.some((n, i) => n < words[i]!.length) || inFlight.length > 0) {
        for (const [i, person] of people.entries()) if (typed[i]! < words[i]!.length && next() < 0.7) person.type(words[i]![typed[i]!++]!);
        for (const message of inFlight.filter((m) => m.at <= step)) Y.applyUpdate(people[message.to]!.doc, message.update, "network");
        inFlight.splice(0, inFlight.length, ...inFlight.filter((m) => m.at > step));
        step++;
      }
      const texts = people.map((p) => p.doc.getText("headline").toJSON());
      expect(new Set(texts).size, `seed ${seed}`).toBe(1);
      for (const word of words) expect(texts[0], `seed ${seed}: ${texts[0]}`).toContain(word);
      expect(people.map((p) => p.state.value)).toEqual(texts);
    }
  });
});
