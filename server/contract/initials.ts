/**
 * Two letters for a name, as every avatar on the desk shows it (the queue's presence and holder marks,
 * the pane's editors and watchers): first and last word ("Eda Editor" → "EE"), or the first two letters
 * of one word; "?" for no name.
 */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const letters = words.length >= 2 ? [...words[0]!].slice(0, 1).concat([...words[words.length - 1]!].slice(0, 1)) : [...(words[0] ?? "?")].slice(0, 2);
  return letters.join("").toUpperCase();
}
