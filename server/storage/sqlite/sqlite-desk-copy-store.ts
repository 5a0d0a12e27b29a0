import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { collabDocs, collabUpdates, deskVersions, stories, type StoryRecord } from "@/db/schema";
import type { DeskCopyStore } from "../desk-copy-store";
import { appendChange } from "./change-log";
import type { GroupCommit } from "./group-commit";
import { keepDeskVersion } from "./desk-versions";
import { ingestStatements } from "./ingest-statements";

function withoutRowid<T extends { rowid: number }>(row: T): Omit<T, "rowid"> {
  const { rowid: _rowid, ...rest } = row;
  return rest;
}

function summaryOf(story: StoryRecord) {
  const { bodyHtml: _b, bodyText: _t, editorNote: _n, ...summary } = story;
  return summary;
}

const bytes = (value: Uint8Array) => Buffer.from(value.buffer, value.byteOffset, value.byteLength);

/**
 * The SQLite implementation of the desk copy store: every method is one synchronous transaction, and the
 * updates typed in the same turn of the event loop share one commit (`group`; one fsync for a whole desk
 * typing at once, each update still acknowledged only after its commit).
 */
export function createSqliteDeskCopyStore(db: Db, group: GroupCommit): DeskCopyStore {
  const s = db.$client;
  const insertUpdate = s.prepare<[string, Buffer, string | null, string]>("insert into collab_updates (story_id, \"update\", actor_id, at) values (?, ?, ?, ?)");
  // Prepared once: a desk typing in a hundred stories writes each back about once a second.
  const writeText = s.prepare<[string, string | null, string | null, string | null, string, string, number, number, string, string]>(
    "update stories set headline = ?, slugline = ?, byline = ?, abstract = ?, body_html = ?, body_text = ?, word_count = ?, seq = ?, updated_at = ? where id = ?",
  );
  return {
    async loadDoc(storyId) {
      return db.transaction((tx) => {
        const doc = tx.select({ state: collabDocs.state }).from(collabDocs).where(eq(collabDocs.storyId, storyId)).get();
        const rows = tx.select({ id: collabUpdates.id, update: collabUpdates.update }).from(collabUpdates).where(eq(collabUpdates.storyId, storyId)).orderBy(asc(collabUpdates.id)).all();
        return { state: doc ? new Uint8Array(doc.state) : null, updates: rows.map((r) => new Uint8Array(r.update)), lastUpdateId: rows.at(-1)?.id ?? 0 };
      });
    },
    async createDoc(storyId, state, agencyVersion) {
      const result = db
        .insert(collabDocs)
        .values({ storyId, state: bytes(state), updatedAt: new Date().toISOString(), baseState: bytes(state), baseAgencyVersion: agencyVersion, originAgencyVersion: agencyVersion })
        .onConflictDoNothing()
        .run();
      return result.changes > 0;
    },
    async loadBase(storyId) {
      const row = db.select({ state: collabDocs.baseState, agencyVersion: collabDocs.baseAgencyVersion, origin: collabDocs.originAgencyVersion }).from(collabDocs).where(eq(collabDocs.storyId, storyId)).get();
      return row?.state && row.agencyVersion !== null ? { state: new Uint8Array(row.state), agencyVersion: row.agencyVersion, originAgencyVersion: row.origin ?? row.agencyVersion } : null;
    },
    async setBase(storyId, base, actorId) {
      return db.transaction((tx) => {
        tx.update(collabDocs).set({ baseState: bytes(base.state), baseAgencyVersion: base.agencyVersion }).where(eq(collabDocs.storyId, storyId)).run();
        const row = tx.select().from(stories).where(eq(stories.id, storyId)).get();
        if (!row || row.agencyUpdateVersion === null) return null;
        const at = new Date().toISOString();
        const seq = appendChange(db, storyId, "edited", actorId, at);
        const patch = { agencyUpdateVersion: null, seq, updatedAt: at };
        tx.update(stories).set(patch).where(eq(stories.id, storyId)).run();
        return { seq, story: summaryOf({ ...withoutRowid(row), ...patch }) };
      });
    },
    async appendUpdate(storyId, update, actorId) {
      // After the next round of I/O: the update is relayed already, and keystrokes arriving meanwhile share the fsync.
      return group.run(() => Number(insertUpdate.run(storyId, bytes(update), actorId, new Date().toISOString()).lastInsertRowid), { afterIo: true });
    },
    async compact(storyId, state, upToId) {
      db.transaction((tx) => {
        const at = new Date().toISOString();
        tx.insert(collabDocs).values({ storyId, state: bytes(state), updatedAt: at }).onConflictDoUpdate({ target: collabDocs.storyId, set: { state: bytes(state), updatedAt: at } }).run();
        tx.delete(collabUpdates).where(and(eq(collabUpdates.storyId, storyId), lte(collabUpdates.id, upToId))).run();
      });
    },
    async listStoriesWithUpdates() {
      return db.all<{ storyId: string }>(sql`select distinct story_id as storyId from collab_updates`).map((r) => r.storyId);
    },
    async writeBack(storyId, text, actorId) {
      // In the group commit: a desk typing in many stories at once writes them all back with one fsync.
      // After the socket reads already due, as a keystroke's store: a round of write-backs holds the loop
      // for its transactions and fsync, and the keystrokes that arrived meanwhile are relayed first.
      return group.run(() => {
        const row = ingestStatements(db).story.get({ id: storyId });
        if (!row) return null;
        const same = row.headline === text.headline && row.slugline === text.slugline && row.byline === text.byline && row.abstract === text.abstract && row.bodyHtml === text.bodyHtml;
        if (same) return null;
        // The agency version the row held keeps its own body in history before the desk's text replaces it.
        ingestStatements(db).keepVersionBody.run(row.bodyHtml, row.bodyText, row.id, row.guid, row.agencyVersion);
        const at = new Date().toISOString();
        const seq = appendChange(db, storyId, "edited", actorId, at);
        // Co-edited text never changes rev: rev guards the fields changed over HTTP.
        const patch = { ...text, seq, updatedAt: at };
        writeText.run(text.headline, text.slugline, text.byline, text.abstract, text.bodyHtml, text.bodyText, text.wordCount, seq, at, storyId);
        return { seq, story: summaryOf({ ...withoutRowid(row), ...patch }) };
      }, { afterIo: true });
    },
    async patchFields(storyId, expectedRev, patch, actorId) {
      return db.transaction((tx) => {
        const row = tx.select().from(stories).where(eq(stories.id, storyId)).get();
        if (!row) return { ok: false as const, reason: "not_found" as const };
        const current = withoutRowid(row);
        if (current.rev !== expectedRev) return { ok: false as const, reason: "stale_rev" as const, story: current };
        const at = new Date().toISOString();
        const seq = appendChange(db, storyId, "fields", actorId, at);
        const set: Partial<StoryRecord> = { ...patch, seq, rev: current.rev + 1, updatedAt: at };
        tx.update(stories).set(set).where(eq(stories.id, storyId)).run();
        const story = { ...current, ...set };
        return { ok: true as const, story, changed: { seq, story: summaryOf(story) } };
      });
    },
    async addVersion(version) {
      return db.transaction((tx) => keepDeskVersion(tx, version));
    },
    async listVersions(storyId) {
      return db.select().from(deskVersions).where(eq(deskVersions.storyId, storyId)).orderBy(asc(deskVersions.id)).all();
    },
    async getVersion(storyId, versionId) {
      return db.select().from(deskVersions).where(and(eq(deskVersions.storyId, storyId), eq(deskVersions.id, versionId))).get() ?? null;
    },
  };
}
