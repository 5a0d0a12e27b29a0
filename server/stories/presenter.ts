import type { StoryRecord } from "@/db/schema";
import type { StoryDetail, StoryState, StorySummary } from "../contract/story";
import type { StorySummaryRecord } from "../storage/store";

/** The queue view of a story: everything but the body. */
export function presentStorySummary(row: StorySummaryRecord, highlight?: string): StorySummary {
  const summary: StorySummary = {
    id: row.id,
    guid: row.guid,
    agencyVersion: row.agencyVersion,
    rev: row.rev,
    seq: row.seq,
    state: row.state as StoryState,
    format: row.format,
    pubStatus: row.pubStatus as StorySummary["pubStatus"],
    agency: row.agency,
    urgency: row.urgency,
    headline: row.headline,
    subheadline: row.subheadline,
    slugline: row.slugline,
    byline: row.byline,
    dateline: { text: row.datelineText, place: row.datelinePlace, date: row.datelineDate, source: row.datelineSource },
    language: row.language,
    abstract: row.abstract,
    wordCount: row.wordCount,
    signals: row.signals,
    categories: row.categories,
    keywords: row.keywords,
    supersedes: row.supersedes,
    versionCount: row.versionCount,
    agencyUpdateVersion: row.agencyUpdateVersion,
    takenBy: row.takenBy,
    takenAt: row.takenBy ? row.takenAt : null,
    takenByName: row.takenBy ? row.takenByName : null,
    deskId: row.deskId,
    embargoUntil: row.embargoUntil,
    versionCreated: row.versionCreated,
    firstCreated: row.firstCreated,
    receivedAt: row.receivedAt,
    updatedAt: row.updatedAt,
  };
  if (highlight !== undefined) summary.highlight = highlight;
  return summary;
}

/** The full view of a story, with its sanitized body. */
export function presentStoryDetail(row: StoryRecord): StoryDetail {
  return { ...presentStorySummary(row), bodyHtml: row.bodyHtml, bodyText: row.bodyText, editorNote: row.editorNote, sources: row.sources };
}
