import { versionMarkers } from "./agency-markers";

/** The editorial length limits checked when publishing (and shown by the editor's counters). */
export interface PublishLimits {
  headline: number;
  slugline: number;
  abstract: number;
}

/** The limits when none are configured (WIREDESK_PUBLISH_*_MAX). */
export const DEFAULT_PUBLISH_LIMITS: PublishLimits = { headline: 64, slugline: 24, abstract: 160 };

/** What publishing reads of a story. */
export interface PublishableCopy {
  headline: string;
  slugline: string | null;
  abstract: string | null;
  bodyText: string;
  editorNote: string | null;
}

// Markers agencies and desks use for notes meant for editors, never for readers.
// Line-anchored with a bounded prefix, so the scan stays linear.
const EDITOR_NOTE_MARKERS = /^[ \t]*(?:editor'?s['’]? note|note to editors|\[ed(?:itor)?s?:|eds?:)/im;

const EMPTY_HEADLINE = "The headline is empty.";
const EMPTY_BODY = "The body is empty.";

/**
 * What a story needs before it goes to a chief (submit): a headline and a body. The limits and the rest
 * are the chief's check, at publish; an editor may hand on copy that is still long.
 */
export function submitProblems(copy: Pick<PublishableCopy, "headline" | "bodyText">): string[] {
  return [...(copy.headline.trim() ? [] : [EMPTY_HEADLINE]), ...(copy.bodyText.trim() ? [] : [EMPTY_BODY])];
}

/**
 * Every reason the copy cannot go out as it is (empty when it can): headline present and within its
 * limit and free of the agency's version marker, slugline and abstract within theirs, a body, and no
 * editor's note leaking into the body.
 */
export function publishProblems(copy: PublishableCopy, limits: PublishLimits = DEFAULT_PUBLISH_LIMITS): string[] {
  const problems: string[] = [];
  const headline = copy.headline.trim();
  if (!headline) problems.push(EMPTY_HEADLINE);
  else if ([...headline].length > limits.headline) problems.push(`The headline has ${[...headline].length} characters; the limit is ${limits.headline}.`);
  // A story taken at an agency update keeps the agency's marker ("UPDATE 2-") until someone takes it out.
  const marker = versionMarkers(headline).trim();
  if (marker) problems.push(`The headline starts with the agency's marker "${marker}"; take it out before publishing.`);
  const slugline = copy.slugline?.trim() ?? "";
  if ([...slugline].length > limits.slugline) problems.push(`The slugline has ${[...slugline].length} characters; the limit is ${limits.slugline}.`);
  const abstract = copy.abstract?.trim() ?? "";
  if ([...abstract].length > limits.abstract) problems.push(`The abstract has ${[...abstract].length} characters; the limit is ${limits.abstract}.`);
  const body = copy.bodyText.trim();
  if (!body) problems.push(EMPTY_BODY);
  else {
    const note = copy.editorNote?.trim() ?? "";
    if ((note.length >= 8 && body.includes(note)) || EDITOR_NOTE_MARKERS.test(body)) problems.push("The body contains an editor's note; take it out before publishing.");
  }
  return problems;
}
