/** The text a desk version keeps, and the workflow state it was kept in. */
export interface DeskVersionText {
  state: string | null;
  headline: string;
  slugline: string | null;
  byline: string | null;
  abstract: string | null;
  bodyHtml: string;
}

/**
 * True when a version would repeat the one kept before it: the same workflow state and the same text.
 * Such a version is not kept (no version when nothing changed; parallel requests keep one).
 */
export function repeatsLastVersion(last: DeskVersionText | null | undefined, next: DeskVersionText): boolean {
  if (!last) return false;
  return (
    last.state === next.state &&
    last.headline === next.headline &&
    last.slugline === next.slugline &&
    last.byline === next.byline &&
    last.abstract === next.abstract &&
    last.bodyHtml === next.bodyHtml
  );
}

/**
 * True when a workflow step keeps a desk version: taking a story (or reopening it by editing) starts its
 * desk copy, and from then on every step is a version. Steps of copy nobody ever took or edited (spiking
 * an incoming story, the auto-spike) keep none: there is no desk copy yet, only the agency's text.
 */
export function keepsStepVersion(action: string, hasDeskCopy: boolean): boolean {
  return action === "take" || action === "reopen" || hasDeskCopy;
}
