/**
 * What opening a story for editing does to its workflow state:
 * - `take`: an incoming story is taken first (the existing take action);
 * - `join`: a story in progress is joined as it is;
 * - `handed_on`: a story handed on (submitted, approved) is joined as it is, and the pane says that the first
 *   change returns it to in_progress (an `e` pressed by mistake never takes it from the chief's queue);
 * - `correction`: a published story stays published while the desk copy is edited: readers keep the
 *   published text until a chief publishes the correction (`correct`);
 * - `refuse`: the story cannot be edited here (with the reason to show).
 * Written once: the server decides with it, and the desk enables `Edit` from it.
 */
export type EditEntry =
  | { kind: "take" }
  | { kind: "join" }
  | { kind: "handed_on"; from: string; message: string }
  | { kind: "correction"; message: string }
  | { kind: "refuse"; message: string };

/** What the editing pane says while a published story's desk copy is edited. */
export const CORRECTION_NOTICE = "This story is published: what you change here reaches readers only when a chief publishes it as a correction (Correct).";

/** The states that are handed on for review and come back to in_progress when someone edits them. */
export const REOPENED_BY_EDITING: readonly string[] = ["submitted", "approved"];

/**
 * What the editing pane says about a story handed on (submitted, approved): when it happens while the
 * story is open (`justNow`), or when someone starts editing it.
 */
export function handedOnNotice(state: string, justNow = true): string {
  return `This story is ${justNow ? "now " : ""}${state.replace("_", " ")}: a change made here returns it to in progress.`;
}

/** What everyone in a story handed on (`from`: submitted, approved) is told when editing returns it to in_progress. */
export function reopenedNotice(from: string): string {
  return `Editing returned this story from ${from.replace("_", " ")} to in progress.`;
}

/** Why a story in these states cannot be edited, and what the editor can do instead. */
const REFUSED: Readonly<Record<string, string>> = {
  spiked: "A spiked story cannot be edited; unspike it first.",
  killed: "A killed story cannot be edited: the kill is final.",
  scheduled: "A scheduled story cannot be edited: it is waiting to be published as it is.",
};

/** Decides what `Edit` does to a story in `state` (see {@link EditEntry}). */
export function editEntry(state: string): EditEntry {
  if (state === "incoming") return { kind: "take" };
  if (state === "in_progress") return { kind: "join" };
  if (REOPENED_BY_EDITING.includes(state)) return { kind: "handed_on", from: state, message: handedOnNotice(state, false) };
  if (state === "published" || state === "corrected") return { kind: "correction", message: CORRECTION_NOTICE };
  return { kind: "refuse", message: REFUSED[state] ?? `A ${state.replace("_", " ")} story cannot be edited.` };
}
