import type { NormalizedStory, RecordedItem } from "../../domain/normalized-story";
import { sourceAgency } from "../text/dateline";
import { normalizeAgency, normalizeGenre, normalizeSignal } from "../text/vocabulary";
import type { ParsedDelivery } from "./parse-result";
import { unique } from "./story-builder";

/** C0 controls other than TAB and LF, DEL and the C1 range: never part of wire text. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROLS = /\r\n?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** The text without control characters: CR and CRLF become LF, every other one (BEL, SOH, DEL…) is removed. */
export function stripControls(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROLS, (match) => (match.charCodeAt(0) === 0x0d ? "\n" : "")) : text;
}

function clean<T extends string | null>(value: T): T {
  return (value === null ? null : stripControls(value)) as T;
}

function cleanList(values: readonly string[]): string[] {
  return unique(values.map(stripControls));
}

/**
 * The last step of every parser (applied by guardParser): no control character in any text field,
 * signals and genres in the one vocabulary, the agency in its canonical spelling (the dateline's
 * credit, kept as written in `dateline.source`, names it when the format does not).
 */
export function finalizeStory(story: NormalizedStory): NormalizedStory {
  const dateline = {
    text: clean(story.dateline.text),
    place: clean(story.dateline.place),
    date: clean(story.dateline.date),
    source: clean(story.dateline.source),
  };
  const categories = cleanList(story.categories);
  const genres = categories.map(normalizeGenre).filter((genre): genre is string => genre !== null);
  return {
    ...story,
    guid: stripControls(story.guid),
    versionCreated: clean(story.versionCreated),
    firstCreated: clean(story.firstCreated),
    headline: stripControls(story.headline).replace(/\s*\n\s*/g, " "),
    subheadline: clean(story.subheadline),
    slugline: clean(story.slugline),
    byline: clean(story.byline),
    dateline,
    agency: normalizeAgency(clean(story.agency) ?? sourceAgency(dateline.source)),
    language: clean(story.language),
    abstract: clean(story.abstract),
    bodyHtml: stripControls(story.bodyHtml),
    bodyText: stripControls(story.bodyText),
    editorNote: clean(story.editorNote),
    embargoUntil: clean(story.embargoUntil),
    supersedes: cleanList(story.supersedes),
    signals: unique(cleanList(story.signals).map(normalizeSignal)),
    categories: unique([...categories, ...genres]),
    keywords: cleanList(story.keywords),
  };
}

function finalizeRecorded(item: RecordedItem): RecordedItem {
  return { ...item, guid: stripControls(item.guid), headline: clean(item.headline), itemClass: stripControls(item.itemClass) };
}

/** {@link finalizeStory} over a whole delivery. */
export function finalizeDelivery(delivery: ParsedDelivery): ParsedDelivery {
  return { ...delivery, stories: delivery.stories.map(finalizeStory), recorded: delivery.recorded.map(finalizeRecorded) };
}
