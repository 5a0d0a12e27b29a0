/**
 * An agency's version markers at the start of a wire headline ("UPDATE 2-", "REFILE-", "RPT-",
 * "CORRECTED-", one after another as in "UPDATE 1-REFILE-"): they tell the desk which take this is and
 * are not for readers. Upper case only, as the agencies send them: a headline that begins with the
 * word "Update" keeps it. Linear: each repetition starts with a fixed word, so there is one way to match.
 */
const VERSION_MARKERS = /^(?:(?:UPDATE \d{1,3}|REFILE|RPT|CORRECTED) ?- ?)+/;

/** The headline without the agency's version markers (the desk copy's headline; the agency's versions keep theirs). */
export function withoutVersionMarkers(headline: string): string {
  const stripped = headline.replace(VERSION_MARKERS, "");
  // A headline that is nothing but markers keeps them: better a marker than an empty headline.
  return stripped.trim() === "" ? headline : stripped;
}

/** The agency's version markers a headline starts with ("UPDATE 2-REFILE-"), or "" when it has none. */
export function versionMarkers(headline: string): string {
  return VERSION_MARKERS.exec(headline)?.[0] ?? "";
}
