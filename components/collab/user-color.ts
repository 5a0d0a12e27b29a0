/**
 * A person's colour: their caret, their caret's name label and their avatar in the queue and the pane,
 * the same on every screen. Valid for Tiptap's caret (`#rrggbb`); white initials and names on each one
 * read at 4.5:1 or better (WCAG AA for small text), in the light and the dark theme alike.
 */
export const USER_COLORS = ["#c2410c", "#2f7d32", "#1971c2", "#9c36b5", "#a15c07", "#0e7490", "#c2255c", "#7048e8"] as const;

/** Where a person's colour is in {@link USER_COLORS}, from their user id. */
function colorIndex(userId: string): number {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return hash % USER_COLORS.length;
}

/** The colour of a person (see {@link USER_COLORS}), from their user id. */
export function userColor(userId: string): string {
  return USER_COLORS[colorIndex(userId)]!;
}

/**
 * The colours of the people in one story, told apart: each keeps their own colour unless someone
 * before them (by user id) has it, and then takes the next free one. Every screen that knows who is in
 * the story (the desk's presence) works out the same answer, so a caret, its name label, the pane's
 * avatars and the queue line agree. Past eight people colours repeat. Someone not in `userIds` gets
 * their own colour.
 */
export function storyColors(userIds: readonly string[]): (userId: string) => string {
  const taken = new Set<number>();
  const chosen = new Map<string, string>();
  for (const id of [...new Set(userIds)].sort()) {
    let index = colorIndex(id);
    for (let step = 0; step < USER_COLORS.length && taken.has(index); step++) index = (index + 1) % USER_COLORS.length;
    taken.add(index);
    chosen.set(id, USER_COLORS[index]!);
  }
  return (userId) => chosen.get(userId) ?? userColor(userId);
}
