import type { StorySource } from "../contract/story";

/**
 * The credit a published story gives: its agency, or for a desk story the distinct agencies of the
 * takes it drew on, in order ("AP, Reuters, AFP"); null when nobody but the desk is to be credited.
 */
export function creditOf(story: { agency: string | null; sources: readonly StorySource[] }): string | null {
  if (story.agency) return story.agency;
  const agencies = [...new Set(story.sources.map((s) => s.agency).filter((a): a is string => Boolean(a)))];
  return agencies.length > 0 ? agencies.join(", ") : null;
}
