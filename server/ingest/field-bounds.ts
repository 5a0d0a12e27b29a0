import type { NormalizedStory, RecordedItem } from "../domain/normalized-story";

/**
 * Safety bounds on the short fields of a story, applied at ingest (not the editorial limits the editor
 * shows: headline 64, slugline 24, abstract 160). A longer value is cut, never refused.
 */
export const FIELD_BOUNDS = {
  headline: 1000,
  subheadline: 1000,
  slugline: 200,
  byline: 500,
  dateline: 300,
  editorNote: 5000,
  /** Each keyword and each category. */
  term: 100,
  /** Keywords, and categories, per story. */
  terms: 50,
} as const;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * Cuts text to at most `max` UTF-16 units at a word boundary (white space in the last fifth of the
 * limit), else at `max`; never inside a surrogate pair. Text within the limit is returned as it is.
 */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
  const space = text.slice(0, end + 1).search(/\s\S*$/);
  if (space >= Math.floor(max * 0.8)) end = space;
  return text.slice(0, end).trimEnd();
}

const number = (n: number) => n.toLocaleString("en-US");

function cutField(notes: string[], label: string, value: string, max: number): string {
  const cut = cutAtWord(value, max);
  if (cut !== value) notes.push(`${label} cut from ${number(value.length)} to ${number(cut.length)} characters (limit ${number(max)}).`);
  return cut;
}

function cutNullable(notes: string[], label: string, value: string | null, max: number): string | null {
  return value === null ? null : cutField(notes, label, value, max);
}

function cutTerms(notes: string[], label: string, values: readonly string[]): string[] {
  const kept = values.slice(0, FIELD_BOUNDS.terms);
  if (values.length > kept.length) notes.push(`${label}: ${number(values.length - kept.length)} of ${number(values.length)} dropped (limit ${FIELD_BOUNDS.terms}).`);
  let cuts = 0;
  const bounded = kept.map((value) => {
    const cut = cutAtWord(value, FIELD_BOUNDS.term);
    if (cut !== value) cuts += 1;
    return cut;
  });
  if (cuts > 0) notes.push(`${label}: ${number(cuts)} cut to ${FIELD_BOUNDS.term} characters.`);
  return bounded;
}

/** Applies {@link FIELD_BOUNDS} to a story; every cut is said in its `ingestNotes`. */
export function boundStoryFields(story: NormalizedStory): NormalizedStory {
  const notes: string[] = [];
  const bounded: NormalizedStory = {
    ...story,
    headline: cutField(notes, "Headline", story.headline, FIELD_BOUNDS.headline),
    subheadline: cutNullable(notes, "Subheadline", story.subheadline, FIELD_BOUNDS.subheadline),
    slugline: cutNullable(notes, "Slugline", story.slugline, FIELD_BOUNDS.slugline),
    byline: cutNullable(notes, "Byline", story.byline, FIELD_BOUNDS.byline),
    editorNote: cutNullable(notes, "Editor's note", story.editorNote, FIELD_BOUNDS.editorNote),
    dateline: {
      text: cutNullable(notes, "Dateline", story.dateline.text, FIELD_BOUNDS.dateline),
      place: cutNullable(notes, "Dateline place", story.dateline.place, FIELD_BOUNDS.dateline),
      date: story.dateline.date,
      source: cutNullable(notes, "Dateline source", story.dateline.source, FIELD_BOUNDS.dateline),
    },
    keywords: cutTerms(notes, "Keywords", story.keywords),
    categories: cutTerms(notes, "Categories", story.categories),
  };
  return notes.length === 0 ? story : { ...bounded, ingestNotes: [...(story.ingestNotes ?? []), ...notes] };
}

/** Bounds the headline of a recorded (non-text) item like a story's. */
export function boundRecordedItem(item: RecordedItem): RecordedItem {
  return item.headline === null || item.headline.length <= FIELD_BOUNDS.headline ? item : { ...item, headline: cutAtWord(item.headline, FIELD_BOUNDS.headline) };
}
