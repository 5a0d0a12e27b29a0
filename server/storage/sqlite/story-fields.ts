import type { stories } from "@/db/schema";
import type { NormalizedStory } from "../../ingest/normalized-story";

type StoryInsert = typeof stories.$inferInsert;

/** The story columns that come straight from an agency version. */
export function storyFieldsFromNormalized(n: NormalizedStory): Omit<
  StoryInsert,
  "rowid" | "id" | "guid" | "rev" | "seq" | "state" | "receivedAt" | "updatedAt" | "versionCount"
> {
  return {
    agencyVersion: n.version,
    format: n.format,
    pubStatus: n.pubStatus,
    agency: n.agency,
    urgency: n.urgency,
    headline: n.headline,
    subheadline: n.subheadline,
    slugline: n.slugline,
    byline: n.byline,
    datelineText: n.dateline.text,
    datelinePlace: n.dateline.place,
    datelineDate: n.dateline.date,
    datelineSource: n.dateline.source,
    language: n.language,
    abstract: n.abstract,
    bodyHtml: n.bodyHtml,
    bodyText: n.bodyText,
    wordCount: n.wordCount,
    editorNote: n.editorNote,
    embargoUntil: n.embargoUntil,
    versionCreated: n.versionCreated,
    firstCreated: n.firstCreated,
    supersedes: n.supersedes,
    signals: n.signals,
    categories: n.categories,
    keywords: n.keywords,
  };
}
