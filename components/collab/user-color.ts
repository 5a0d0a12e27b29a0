/**
 * A person's colour: their caret, their caret's name label and their avatar in the queue and the pane,
 * the same on every screen. Valid for Tiptap's caret (`#rrggbb`); white initials and names on each one
 * read at 4.5:1 or better (WCAG AA for small text), in the light and the dark theme alike.
 */
export const USER_COLORS = ["#c2410c", "#2f7d32", "#1971c2", "#9c36b5", "#a15c07", "#0e7490", "#c2255c", "#7048e8"] as const;

/** The colour of a person (see {@link USER_COLORS}), from their user id. */
export function userColor(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return USER_COLORS[hash % USER_COLORS.length]!;
}
