import type { Db } from "@/db/client";
import { storyHistory, type StoryRecord } from "@/db/schema";
import type { NewDeskStory } from "../store";
import { appendChange } from "./change-log";
import { newStoryId } from "./apply-delivery";
import { ingestStatements } from "./ingest-statements";

/**
 * Inserts a story the desk wrote, taken by its creator, in one transaction: the row, its change-log
 * entry (kind `desk_created`, the creator as actor, so four-eyes counts it as work) and its search
 * index row (new rows are indexed by the store; updates by the trigger, which needs them there), and
 * its first history entry (`create`, with the takes it started from).
 */
export function insertDeskStory(db: Db, input: NewDeskStory): { seq: number; story: StoryRecord } {
  const sql = ingestStatements(db);
  return db.transaction(() => {
    const id = newStoryId();
    const at = input.at;
    const seq = appendChange(db, id, "desk_created", input.creator.id, at);
    const story: StoryRecord = {
      id,
      guid: `desk:${id}`,
      agencyVersion: 1,
      rev: 1,
      seq,
      state: "in_progress",
      format: input.format,
      pubStatus: "usable",
      agency: null,
      urgency: input.urgency,
      headline: input.headline,
      subheadline: null,
      slugline: null,
      byline: input.byline,
      datelineText: null,
      datelinePlace: null,
      datelineDate: null,
      datelineSource: null,
      language: input.language,
      abstract: null,
      bodyHtml: input.bodyHtml,
      bodyText: input.bodyText,
      wordCount: input.wordCount,
      editorNote: null,
      embargoUntil: null,
      versionCreated: at,
      firstCreated: at,
      supersedes: [],
      signals: [],
      categories: input.categories,
      keywords: [],
      versionCount: 1,
      agencyUpdateVersion: null,
      takenBy: input.creator.id,
      takenAt: at,
      takenByName: input.creator.name,
      deskId: input.deskId,
      sources: input.sources,
      receivedAt: at,
      updatedAt: at,
    };
    const insert = db.$client.prepare(
      `insert into stories (id, guid, agency_version, rev, seq, state, format, pub_status, urgency, headline, byline, language, body_html, body_text,
         word_count, version_created, first_created, categories, taken_by, taken_at, taken_by_name, desk_id, sources, received_at, updated_at)
       values (@id, @guid, @agencyVersion, @rev, @seq, @state, @format, @pubStatus, @urgency, @headline, @byline, @language, @bodyHtml, @bodyText,
         @wordCount, @versionCreated, @firstCreated, @categories, @takenBy, @takenAt, @takenByName, @deskId, @sources, @receivedAt, @updatedAt)`,
    );
    const { lastInsertRowid } = insert.run({ ...story, categories: JSON.stringify(story.categories), sources: JSON.stringify(story.sources) });
    sql.indexStory.run(lastInsertRowid, story.headline, story.slugline, story.byline, story.bodyText);
    const detail = story.sources.length > 0 ? { fromStoryIds: story.sources.map((s) => s.id) } : null;
    db.insert(storyHistory).values({ storyId: id, at, actorId: input.creator.id, action: "create", fromState: "new", toState: "in_progress", rev: 1, detail }).run();
    return { seq, story };
  });
}
