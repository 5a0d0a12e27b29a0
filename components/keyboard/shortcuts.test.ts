import { describe, expect, it } from "vitest";
import { shortcutFor, type KeyPlace } from "./shortcuts";

const key = (k: string, extra: Partial<{ ctrlKey: boolean; isComposing: boolean }> = {}) => ({ key: k, ctrlKey: false, altKey: false, metaKey: false, isComposing: false, ...extra });
const queue: KeyPlace = { isInQueue: true, isInEditor: false, isTyping: false };
const editorField: KeyPlace = { isInQueue: false, isInEditor: true, isInPane: true, isTyping: true };
const editorButton: KeyPlace = { isInQueue: false, isInEditor: true, isInPane: true, isTyping: false };
/** The focus dropped (a click on a blank spot) while an editing pane is open beside the queue. */
const dropped: KeyPlace = { isInQueue: false, isInEditor: true, isInPane: false, isTyping: false };
const otherField: KeyPlace = { isInQueue: false, isInEditor: false, isTyping: true };

describe("shortcutFor", () => {
  it("leaves every key but Escape to a field of the editor, and Escape leaves the editor", () => {
    for (const k of ["j", "e", "s", "Enter", "ArrowDown", "?"]) expect(shortcutFor(key(k), editorField)).toBeNull();
    expect(shortcutFor(key("Escape"), editorField)).toBe("leaveEditor");
    expect(shortcutFor(key("Escape"), editorButton)).toBe("leaveEditor");
  });

  it("runs no story action from the editing pane outside its fields: a letter that misses a field publishes nothing", () => {
    for (const k of ["p", "s", "a", "b", "t", "r", "K", "S", "j", "k", "e", "x", "z", "N"]) expect(shortcutFor(key(k), editorButton)).toBeNull();
    expect(shortcutFor(key("?"), editorButton)).toBe("help");
    expect(shortcutFor(key("/"), editorButton)).toBe("search");
    expect(shortcutFor(key("p"), queue)).toBe("publish");
    // With the focus dropped beside an open pane, the desk's keys work as before, and Escape leaves the editor.
    expect(shortcutFor(key("j"), dropped)).toBe("next");
    expect(shortcutFor(key("Escape"), dropped)).toBe("leaveEditor");
  });

  it("keeps Escape for the composing input method and for fields outside the editor", () => {
    expect(shortcutFor(key("Escape", { isComposing: true }), editorField)).toBeNull();
    expect(shortcutFor(key("Escape"), otherField)).toBeNull();
    expect(shortcutFor(key("j"), otherField)).toBeNull();
  });

  it("answers the desk's keys outside the editor as before", () => {
    expect(shortcutFor(key("Escape"), queue)).toBe("close");
    expect(shortcutFor(key("j"), queue)).toBe("next");
    expect(shortcutFor(key("Enter"), queue)).toBe("open");
    expect(shortcutFor(key("Enter"), { ...queue, isInQueue: false })).toBeNull();
    expect(shortcutFor(key("e", { ctrlKey: true }), queue)).toBeNull();
  });
});
