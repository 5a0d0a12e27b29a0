import type { DeskVersionRecord, StoryRecord } from "@/db/schema";
import type { StorySummaryRecord } from "./store";

/** The stored state of a story's shared document: the compacted state and every update since, in order. */
export interface StoredDoc {
  state: Uint8Array | null;
  updates: Uint8Array[];
  /** The id of the last update read (compaction deletes up to it). */
  lastUpdateId: number;
}

/** The co-edited text written back to the story row. */
export interface DeskCopyWrite {
  headline: string;
  slugline: string | null;
  byline: string | null;
  abstract: string | null;
  bodyHtml: string;
  bodyText: string;
  wordCount: number;
}

/** The fields `PATCH /api/stories/:id` changes (each optional). */
export interface StoryFieldsPatch {
  datelineText?: string | null;
  urgency?: number;
  categories?: string[];
  keywords?: string[];
  editorNote?: string | null;
}

/** A desk version about to be kept (without a state: the story's state now). */
export type NewDeskVersion = Omit<DeskVersionRecord, "id" | "state"> & { state?: string | null };

/** A changed story with the change-log seq of its change. */
export type ChangedStory = { seq: number; story: StorySummaryRecord };

/** The agency version a desk copy started from (or last brought in), as a state the document descends from. */
export interface DocBase {
  state: Uint8Array;
  agencyVersion: number;
}

/** The desk's own copy of stories: shared documents, their write-back, field edits and versions. */
export interface DeskCopyStore {
  loadDoc(storyId: string): Promise<StoredDoc>;
  /** Keeps a new document's first state (also its base: agency version `agencyVersion`) unless one exists already; false when one did. */
  createDoc(storyId: string, state: Uint8Array, agencyVersion: number): Promise<boolean>;
  /** The document's base, and the agency version it first started from (null for a document kept before bases were). */
  loadBase(storyId: string): Promise<(DocBase & { originAgencyVersion: number }) | null>;
  /** After the desk brought an agency version in: the new base, and the story's agency-update flag cleared (told to the desks). */
  setBase(storyId: string, base: DocBase, actorId: string): Promise<ChangedStory | null>;
  /** Appends one acknowledged update (one transaction); returns its id. */
  appendUpdate(storyId: string, update: Uint8Array, actorId: string | null): Promise<number>;
  /** Replaces the stored state with `state` and deletes the updates up to `upToId`, in one transaction. */
  compact(storyId: string, state: Uint8Array, upToId: number): Promise<void>;
  /** Stories with updates not yet compacted (after a crash). */
  listStoriesWithUpdates(): Promise<string[]>;
  /** Writes the co-edited text to the story row (rev unchanged); null when nothing changed. */
  writeBack(storyId: string, text: DeskCopyWrite, actorId: string | null): Promise<ChangedStory | null>;
  /** Changes the other fields when the story is still at `expectedRev` (rev + 1). */
  patchFields(storyId: string, expectedRev: number, patch: StoryFieldsPatch, actorId: string): Promise<{ ok: true; changed: ChangedStory; story: StoryRecord } | { ok: false; reason: "not_found" | "stale_rev"; story?: StoryRecord }>;
  /** Keeps a version unless it repeats the last one (same state and text): null then. */
  addVersion(version: NewDeskVersion): Promise<DeskVersionRecord | null>;
  listVersions(storyId: string): Promise<DeskVersionRecord[]>;
  getVersion(storyId: string, versionId: number): Promise<DeskVersionRecord | null>;
}
