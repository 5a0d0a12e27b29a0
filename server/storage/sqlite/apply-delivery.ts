import { randomBytes } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { changes, deliveries, recordedItems, stories, storyGuids, storyVersions, type StoryRecord } from "@/db/schema";
import type { NormalizedStory, RecordedItem } from "../../ingest/normalized-story";
import { decideVersion, isTakenState } from "../../ingest/version-rules";
import type { AppliedDelivery, StoryOutcome } from "../store";
import { routeStoryToDesk } from "./desk-routing";
import { storyFieldsFromNormalized } from "./story-fields";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** A new public story id: 24 hex characters, no hyphen. */
export function newStoryId(): string {
  return randomBytes(12).toString("hex");
}

/** Appends one change to the log and returns its seq. */
export function appendChange(tx: Tx, storyId: string, kind: string, actorId: string | null, at: string): number {
  const row = tx.insert(changes).values({ storyId, kind, actorId, at }).returning({ seq: changes.seq }).get();
  return row.seq;
}

function findStoryIdByGuids(tx: Tx, guids: string[]): string | null {
  if (guids.length === 0) return null;
  const row = tx.select({ storyId: storyGuids.storyId }).from(storyGuids).where(inArray(storyGuids.guid, guids)).get();
  return row?.storyId ?? null;
}

function stateAfterKill(n: NormalizedStory, current: string): string {
  return n.pubStatus === "canceled" ? "killed" : current;
}

function applyOne(tx: Tx, deliveryId: number, n: NormalizedStory, at: string): { id: string; outcome: StoryOutcome; seq?: number } {
  const ownId = findStoryIdByGuids(tx, [n.guid]);
  const existingId = ownId ?? findStoryIdByGuids(tx, n.supersedes);
  if (!existingId) {
    const id = newStoryId();
    const seq = appendChange(tx, id, "created", null, at);
    tx.insert(stories)
      .values({ ...storyFieldsFromNormalized(n), id, guid: n.guid, rev: 1, seq, state: stateAfterKill(n, "incoming"), deskId: routeStoryToDesk(tx, n), receivedAt: at, updatedAt: at })
      .run();
    for (const guid of [n.guid, ...n.supersedes]) tx.insert(storyGuids).values({ guid, storyId: id }).onConflictDoNothing().run();
    tx.insert(storyVersions).values({ storyId: id, guid: n.guid, agencyVersion: n.version, deliveryId, normalized: n, receivedAt: at }).run();
    return { id, outcome: "created", seq };
  }
  const current = tx.select().from(stories).where(eq(stories.id, existingId)).get();
  if (!current) throw new Error(`story_guids points at a missing story ${existingId}`);
  for (const guid of [n.guid, ...n.supersedes]) tx.insert(storyGuids).values({ guid, storyId: existingId }).onConflictDoNothing().run();
  const decision = decideVersion(current, n, ownId !== null);
  if (decision === "duplicate") return { id: existingId, outcome: "duplicate" };
  const inserted = tx
    .insert(storyVersions)
    .values({ storyId: existingId, guid: n.guid, agencyVersion: n.version, deliveryId, normalized: n, receivedAt: at })
    .onConflictDoNothing()
    .run();
  if (decision === "history") return { id: existingId, outcome: inserted.changes > 0 ? "older" : "duplicate" };
  if (decision === "kill") {
    // A kill always kills, even when it is not newer than what the desk shows: keep the text, flag the story.
    const seq = appendChange(tx, existingId, "killed", null, at);
    tx.update(stories)
      .set({ pubStatus: "canceled", state: "killed", seq, rev: current.rev + 1, versionCount: current.versionCount + inserted.changes, updatedAt: at })
      .where(eq(stories.id, existingId))
      .run();
    return { id: existingId, outcome: "updated", seq };
  }
  if (inserted.changes === 0) return { id: existingId, outcome: "duplicate" };
  const seq = appendChange(tx, existingId, n.pubStatus === "canceled" ? "killed" : "agency_version", null, at);
  tx.update(stories)
    .set({
      ...storyFieldsFromNormalized(n),
      guid: n.guid,
      seq,
      rev: current.rev + 1,
      state: stateAfterKill(n, current.state),
      versionCount: current.versionCount + 1,
      agencyUpdateVersion: isTakenState(current.state) ? n.version : current.agencyUpdateVersion,
      deskId: current.deskId ?? routeStoryToDesk(tx, n), // unrouted stories are routed again on a new version
      updatedAt: at,
    })
    .where(eq(stories.id, existingId))
    .run();
  return { id: existingId, outcome: "updated", seq };
}

/** Applies every story of a parsed delivery in one synchronous transaction. */
export function applyDeliveryTx(
  db: Db,
  deliveryId: number,
  format: string,
  parsed: NormalizedStory[],
  recorded: RecordedItem[],
  at: string,
): AppliedDelivery {
  return db.transaction((tx) => {
    const results: AppliedDelivery["results"] = [];
    const changedIds: { seq: number; id: string }[] = [];
    for (const n of parsed) {
      const r = applyOne(tx, deliveryId, n, at);
      results.push({ id: r.id, guid: n.guid, agencyVersion: n.version, outcome: r.outcome });
      if (r.seq !== undefined) changedIds.push({ seq: r.seq, id: r.id });
    }
    for (const item of recorded) {
      // The same item re-sent (a sender's retry, identical bytes) is recorded once.
      const seen = tx.select({ id: recordedItems.id }).from(recordedItems).where(and(eq(recordedItems.guid, item.guid), eq(recordedItems.version, item.version))).get();
      if (!seen) tx.insert(recordedItems).values({ deliveryId, guid: item.guid, version: item.version, itemClass: item.itemClass, headline: item.headline }).run();
    }
    // A delivery whose every story was already known is marked duplicate; identical bytes re-sent reuse the
    // first delivery's row, which keeps its status.
    const before = tx.select({ status: deliveries.status }).from(deliveries).where(eq(deliveries.id, deliveryId)).get();
    const isRepeat = before?.status !== "parsed" && results.length > 0 && results.every((r) => r.outcome === "duplicate");
    tx.update(deliveries)
      .set({ status: isRepeat ? "duplicate" : "parsed", format, storyCount: parsed.length, errorCode: null, errorMessage: null })
      .where(eq(deliveries.id, deliveryId))
      .run();
    // A story changed twice in one delivery is reported once, at its latest seq.
    const latest = new Map<string, number>();
    for (const c of changedIds) latest.set(c.id, c.seq);
    const changed: { seq: number; story: StoryRecord }[] = [];
    for (const [id, seq] of [...latest].sort((a, b) => a[1] - b[1])) {
      const { rowid: _rowid, ...story } = tx.select().from(stories).where(eq(stories.id, id)).get()!;
      changed.push({ seq, story });
    }
    return { results, changed };
  });
}
