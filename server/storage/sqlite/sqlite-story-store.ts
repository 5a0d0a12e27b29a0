import { asc, desc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { changes, deliveries, deliveryRaw, stories, storyVersions, type StoryRecord } from "@/db/schema";
import type { NormalizedStory } from "../../domain/normalized-story";
import type { StoryStore } from "../store";
import type { GroupCommit } from "./group-commit";
import { applyDeliveryTx } from "./apply-delivery";
import { appendChange } from "./change-log";
import { holderPatch } from "./holder-patch";
import { insertDeskStory } from "./insert-desk-story";
import { ingestStatements } from "./ingest-statements";
import { listStoriesQuery } from "./list-stories";
import { searchStoriesQuery } from "./search-stories";

function withoutRowid<T extends { rowid: number }>(row: T): Omit<T, "rowid"> {
  const { rowid: _rowid, ...rest } = row;
  return rest;
}

/** The SQLite implementation of the story store: every method is one synchronous transaction. */
export function createSqliteStoryStore(db: Db, group: GroupCommit): StoryStore {
  // Ingest writes from concurrent deliveries share one commit (see GroupCommit).
  return {
    async recordDelivery(d) {
      return group.run(() => {
        const sql = ingestStatements(db);
        const previous = sql.findDeliveryBySha.get(d.sha256);
        if (previous) return { id: previous.id, repeatOf: previous.id };
        const { lastInsertRowid } = sql.insertDelivery.run(d.receivedAt, d.channel, d.sourceName, d.sha256, d.raw.byteLength);
        sql.insertDeliveryRaw.run(lastInsertRowid, Buffer.from(d.raw.buffer, d.raw.byteOffset, d.raw.byteLength));
        return { id: Number(lastInsertRowid), repeatOf: null };
      });
    },
    async applyDelivery(deliveryId, format, parsed, recorded, receivedAt) {
      return group.run((tx) => applyDeliveryTx(db, tx, deliveryId, format, parsed, recorded, receivedAt));
    },
    async failDelivery(deliveryId, format, code, message) {
      await group.run(() => ingestStatements(db).failDelivery.run(format, code, message, deliveryId));
    },
    async listFailedDeliveries(limit) {
      return db.select().from(deliveries).where(eq(deliveries.status, "failed")).orderBy(desc(deliveries.id)).limit(limit).all();
    },
    async getDeliveryRaw(id) {
      const record = db.select().from(deliveries).where(eq(deliveries.id, id)).get();
      const bytes = record && db.select({ raw: deliveryRaw.raw }).from(deliveryRaw).where(eq(deliveryRaw.deliveryId, id)).get();
      return record && bytes ? { record, raw: new Uint8Array(bytes.raw) } : null;
    },
    async listStories(filter) {
      const { query } = filter;
      return query ? searchStoriesQuery(db, { ...filter, query }) : listStoriesQuery(db, filter);
    },
    async getStory(id) {
      const row = db.select().from(stories).where(eq(stories.id, id)).get();
      return row ? withoutRowid(row) : null;
    },
    async listStoryVersions(id) {
      const rows = db.select().from(storyVersions).where(eq(storyVersions.storyId, id)).orderBy(asc(storyVersions.agencyVersion), asc(storyVersions.id)).all();
      // The version that is the story's content keeps its body in the stories row (see apply-delivery.ts).
      const story = rows.length > 0 ? db.select({ bodyHtml: stories.bodyHtml, bodyText: stories.bodyText }).from(stories).where(eq(stories.id, id)).get() : undefined;
      return rows.map((r) => {
        const normalized = r.normalized as NormalizedStory;
        const body = typeof normalized.bodyHtml === "string" ? {} : { bodyHtml: story?.bodyHtml ?? "", bodyText: story?.bodyText ?? "" };
        return { agencyVersion: r.agencyVersion, receivedAt: r.receivedAt, normalized: { ...normalized, ...body } };
      });
    },
    async changeStoryState(change) {
      return db.transaction((tx) => {
        const row = tx.select().from(stories).where(eq(stories.id, change.id)).get();
        if (!row) return { ok: false as const, reason: "not_found" as const };
        const current = withoutRowid(row);
        if (change.expectedRev !== undefined && change.expectedRev !== current.rev) return { ok: false as const, reason: "stale_rev" as const, story: current };
        if (!change.from.includes(current.state as never)) return { ok: false as const, reason: "invalid_state" as const, story: current };
        const at = new Date().toISOString();
        const seq = appendChange(db, change.id, change.kind, change.actorId, at);
        const patch: Partial<StoryRecord> = { state: change.to, seq, rev: current.rev + 1, updatedAt: at };
        Object.assign(patch, holderPatch(tx, current.takenBy, change.takenBy, at));
        tx.update(stories).set(patch).where(eq(stories.id, change.id)).run();
        return { ok: true as const, seq, story: { ...current, ...patch } };
      });
    },
    async createDeskStory(story) {
      return insertDeskStory(db, story);
    },
    async listChangedSince(seq, limit) {
      const rows = db.select().from(stories).where(gt(stories.seq, seq)).orderBy(asc(stories.seq)).limit(limit).all();
      return rows.map((r) => ({ seq: r.seq, story: withoutRowid(r) }));
    },
    async listChangeLog(seq, limit) {
      return db.select({ seq: changes.seq, storyId: changes.storyId }).from(changes).where(gt(changes.seq, seq)).orderBy(asc(changes.seq)).limit(limit).all();
    },
    async currentSeq() {
      const row = db.get<{ seq: number | null }>(sql`select max(seq) as seq from changes`);
      return row?.seq ?? 0;
    },
  };
}

