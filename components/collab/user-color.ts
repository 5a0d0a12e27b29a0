/** Caret colours: readable on light and dark, and valid for Tiptap's caret (`#rrggbb`). */
const PALETTE = ["#d9480f", "#2b8a3e", "#1971c2", "#ae3ec9", "#e67700", "#0c8599", "#c2255c", "#5f3dc4"] as const;

/** The colour of a person's caret, the same on every screen. */
export function userColor(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}
