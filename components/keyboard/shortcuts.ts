/** Every keyboard action of the desk. */
export type ShortcutAction =
  | "next"
  | "previous"
  | "first"
  | "last"
  | "open"
  | "leaveEditor"
  | "close"
  | "take"
  | "edit"
  | "release"
  | "spike"
  | "unspike"
  | "submit"
  | "approve"
  | "publish"
  | "schedule"
  | "correct"
  | "kill"
  | "submittedFilter"
  | "undo"
  | "mark"
  | "bulkSpike"
  | "showNew"
  | "newStory"
  | "newFromTakes"
  | "search"
  | "help";

/** One shortcut: the keys (KeyboardEvent.key values), what the help overlay shows, and where it works. */
export interface Shortcut {
  action: ShortcutAction;
  keys: readonly string[];
  label: string;
  /** Navigation keys work only in the queue (or with nothing focused), so they never steal a button's Enter or a pane's arrows. */
  isQueueOnly?: boolean;
  /** Works only in the editing pane, and there also while typing in a field: the one way out of the text by keyboard. */
  isEditorOnly?: boolean;
  /**
   * Also works in the editing pane outside its fields (on its buttons, or the pane itself). No other key
   * does there: a letter meant as text that lands beside a field must never publish or spike the story.
   */
  worksInEditor?: boolean;
}

/**
 * Where a key was pressed: in the queue, with an editing pane to leave (`isInEditor`: in it, or with the
 * focus dropped while one is open), inside that pane (`isInPane`), in a text field.
 */
export interface KeyPlace {
  isInQueue: boolean;
  isInEditor: boolean;
  isInPane?: boolean;
  isTyping: boolean;
}

/** The one table of shortcuts: the key handler reads it and the help overlay lists it. */
export const SHORTCUTS: readonly Shortcut[] = [
  { action: "next", keys: ["j", "ArrowDown"], label: "Next story" },
  { action: "previous", keys: ["k", "ArrowUp"], label: "Previous story" },
  { action: "first", keys: ["Home"], label: "First story", isQueueOnly: true },
  { action: "last", keys: ["End"], label: "Last loaded story", isQueueOnly: true },
  { action: "open", keys: ["Enter"], label: "Open the story (reading pane, marks it read)", isQueueOnly: true },
  { action: "leaveEditor", keys: ["Escape"], label: "Leave the editor, from any of its fields, like Done (back to the story's line)", isEditorOnly: true },
  { action: "close", keys: ["Escape"], label: "Back to the queue; again to clear the selection" },
  { action: "take", keys: ["t"], label: "Take the story" },
  { action: "edit", keys: ["e"], label: "Edit the story with the desk (takes it if incoming)" },
  { action: "release", keys: ["r"], label: "Release a story you took" },
  { action: "spike", keys: ["s"], label: "Spike the story" },
  { action: "unspike", keys: ["u"], label: "Unspike the story" },
  { action: "submit", keys: ["b"], label: "Submit the story for approval" },
  { action: "approve", keys: ["a"], label: "Approve a submitted story (chief)" },
  { action: "publish", keys: ["p"], label: "Publish an approved story (chief)" },
  { action: "schedule", keys: ["w"], label: "Schedule an approved story for a time (chief)" },
  { action: "correct", keys: ["c"], label: "Correct a published story, with a note (chief)" },
  { action: "kill", keys: ["K"], label: "Kill a published story, with a reason (chief, Shift+K)" },
  { action: "submittedFilter", keys: ["W"], label: "Show the stories waiting for a chief (Shift+W)" },
  { action: "undo", keys: ["z"], label: "Undo the last spike" },
  { action: "mark", keys: ["x"], label: "Mark or unmark for a bulk action" },
  { action: "bulkSpike", keys: ["S"], label: "Spike every marked story (Shift+S)" },
  { action: "showNew", keys: ["n"], label: "Show the new stories held above" },
  { action: "newStory", keys: ["N"], label: "Write a new story (Shift+N)" },
  { action: "newFromTakes", keys: ["T"], label: "New story from the marked takes (Shift+T)" },
  { action: "search", keys: ["/"], label: "Search", worksInEditor: true },
  { action: "help", keys: ["?"], label: "Show these shortcuts", worksInEditor: true },
];

const KEY_NAMES: Record<string, string> = { ArrowDown: "↓", ArrowUp: "↑", Escape: "Esc", " ": "Space" };

/** How a key is written in the help overlay. */
export function keyLabel(key: string): string {
  return KEY_NAMES[key] ?? key;
}

/** True when keys typed here are text, not commands. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === "undefined" || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag !== "INPUT") return false;
  const type = (target as HTMLInputElement).type;
  return !["checkbox", "radio", "button", "submit", "reset", "range", "color"].includes(type);
}

/**
 * The shortcut a key press means where it was pressed: none with Ctrl/Alt/Meta or while an input method
 * composes; while typing, only the editor's Escape (every other key is text); elsewhere in the editing
 * pane, only Escape, search and help (no story action).
 */
export function shortcutFor(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "altKey" | "metaKey" | "isComposing">, place: KeyPlace): ShortcutAction | null {
  if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return null;
  const shortcut = SHORTCUTS.find((s) => s.keys.includes(event.key) && (s.isEditorOnly ? place.isInEditor : !place.isTyping));
  if (!shortcut) return null;
  if (place.isInPane && !shortcut.isEditorOnly && !shortcut.worksInEditor) return null;
  const isArrow = event.key === "ArrowDown" || event.key === "ArrowUp";
  if ((shortcut.isQueueOnly || isArrow) && !place.isInQueue) return null;
  return shortcut.action;
}

/** The attribute that marks the editing pane, where Escape leaves the editor even from a text field. */
export const EDITOR_PANE_ATTRIBUTE = "data-editor-pane";
