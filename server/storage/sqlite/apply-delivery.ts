import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import type { StoryRecord } from "@/db/schema";
import type { NormalizedStory, RecordedItem } from "../../domain/normalized-story";
import { decideVersion, isTakenState } from "../../domain/version-rules";
import type { AppliedDelivery, StoryOutcome } from "../store";
import { appendChange } from "./change-log";
import { routeStoryToDesk } from "./desk-routing";
import { pendingIndex } from "./fts-index";
import type { GroupTransaction } from "./group-commit";
import { ingestStatements, type IngestStatements, versionParams } from "./ingest-statements";

/**
 * A new public story id: 24 hex characters, no hyphen: the creation time in milliseconds (12 hex
 * digits), then 48 random bits. Time first, so new ids land at the end of every index keyed by story
 * id (the stories' own, versions, change log) instead of on a random page each: with random ids, a
 * large database dirtied one index page per story per index at every commit.
 */
export function newStoryId(now = Date.now()): string {
  return now.toString(16).padStart(12, "0") + randomBytes(6).toString("hex");
}

/** What applying one story needs: the connection, its statements and the group transaction. */
interface ApplyScope {
  db: Db;
  sql: IngestStatements;
  tx: GroupTransaction;
}

function findStoryIdByGuids(sql: IngestStatements, guids: readonly string[]): string | null {
  for (const guid of guids) {
    const row = sql.storyIdByGuid.get(guid);
    if (row) return row.storyId;
  }
  return null;
}

function linkGuids(sql: IngestStatements, n: NormalizedStory, storyId: string): void {
  for (const guid of [n.guid, ...n.supersedes]) sql.linkGuid.run(guid, storyId);
}

function stateAfterKill(n: NormalizedStory, current: string): string {
  return n.pubStatus === "canceled" ? "killed" : current;
}

/**
 * Keeps an agency version. A version that becomes the story's content is stored without its body,
 * which the stories row holds (ingest then writes each body once); {@link keepOutgoingBody} copies
 * it into the version row when a newer version replaces it. Other versions keep their own body.
 */
function insertVersion(sql: IngestStatements, storyId: string, deliveryId: number, n: NormalizedStory, at: string, isCurrent: boolean): boolean {
  const { bodyHtml, bodyText, ...withoutBody } = n;
  const normalized = JSON.stringify(isCurrent ? withoutBody : { ...withoutBody, bodyHtml, bodyText });
  return sql.insertVersion.run(storyId, n.guid, n.version, deliveryId, normalized, at).changes > 0;
}

/** Before a story's content is replaced: its current version row gets the body it shared with the story. */
function keepOutgoingBody(sql: IngestStatements, current: StoryRecord): void {
  sql.keepVersionBody.run(current.bodyHtml, current.bodyText, current.id, current.guid, current.agencyVersion);
}

function createStory({ db, sql, tx }: ApplyScope, deliveryId: number, n: NormalizedStory, at: string): { id: string; outcome: StoryOutcome; seq: number } {
  const id = newStoryId();
  const seq = appendChange(db, id, "created", null, at);
  const deskId = routeStoryToDesk(tx, db, n);
  const { lastInsertRowid } = sql.insertStory.run({
    ...versionParams(n), id, guid: n.guid, rev: 1, seq, state: stateAfterKill(n, "incoming"), desk_id: deskId, received_at: at, updated_at: at,
  });
  pendingIndex(tx, sql).add(Number(lastInsertRowid), { headline: n.headline, slugline: n.slugline, byline: n.byline, bodyText: n.bodyText });
  linkGuids(sql, n, id);
  insertVersion(sql, id, deliveryId, n, at, true);
  return { id, outcome: "created", seq };
}

function applyOne(scope: ApplyScope, deliveryId: number, n: NormalizedStory, at: string): { id: string; outcome: StoryOutcome; seq?: number } {
  const { sql } = scope;
  const ownId = findStoryIdByGuids(sql, [n.guid]);
  const existingId = ownId ?? findStoryIdByGuids(sql, n.supersedes);
  if (!existingId) return createStory(scope, deliveryId, n, at);
  const current = sql.story.get({ id: existingId });
  if (!current) throw new Error(`story_guids points at a missing story ${existingId}`);
  linkGuids(sql, n, existingId);
  const decision = decideVersion(current, n, ownId !== null);
  if (decision === "duplicate") return { id: existingId, outcome: "duplicate" };
  // A story the desk works on keeps its desk copy: the new version keeps its own body in history.
  const isTaken = isTakenState(current.state);
  const inserted = insertVersion(sql, existingId, deliveryId, n, at, decision === "update" && !isTaken);
  if (decision === "history") return { id: existingId, outcome: inserted ? "older" : "duplicate" };
  if (decision === "kill") {
    // A kill always kills, even when it is not newer than what the desk shows: keep the text, flag the story.
    const seq = appendChange(scope.db, existingId, "killed", null, at);
    sql.killStory.run(seq, current.rev + 1, current.versionCount + (inserted ? 1 : 0), at, existingId);
    return { id: existingId, outcome: "updated", seq };
  }
  if (!inserted) return { id: existingId, outcome: "duplicate" };
  const seq = appendChange(scope.db, existingId, n.pubStatus === "canceled" ? "killed" : "agency_version", null, at);
  pendingIndex(scope.tx, sql).flushRow(current.rowid); // the update trigger re-indexes it
  keepOutgoingBody(sql, current);
  (isTaken ? sql.updateTakenStory : sql.updateStory).run({
    ...versionParams(n),
    id: existingId,
    guid: n.guid,
    seq,
    rev: current.rev + 1,
    state: stateAfterKill(n, current.state),
    version_count: current.versionCount + 1,
    agency_update_version: isTaken ? n.version : current.agencyUpdateVersion,
    desk_id: current.deskId ?? routeStoryToDesk(scope.tx, scope.db, n), // unrouted stories are routed again on a new version
    updated_at: at,
  });
  return { id: existingId, outcome: "updated", seq };
}

function recordItems(sql: IngestStatements, deliveryId: number, recorded: readonly RecordedItem[]): void {
  for (const item of recorded) {
    // The same item re-sent (a sender's retry, identical bytes) is recorded once.
    if (!sql.recordedSeen.get(item.guid, item.version)) sql.insertRecorded.run(deliveryId, item.guid, item.version, item.itemClass, item.headline);
  }
}

/** Applies every story of a parsed delivery inside a group transaction (see GroupCommit). */
export function applyDeliveryTx(
  db: Db,
  tx: GroupTransaction,
  deliveryId: number,
  format: string,
  parsed: NormalizedStory[],
  recorded: RecordedItem[],
  at: string,
): AppliedDelivery {
  const sql = ingestStatements(db);
  const scope: ApplyScope = { db, sql, tx };
  const results: AppliedDelivery["results"] = [];
  // A story changed twice in one delivery is reported once, at its latest seq.
  const latest = new Map<string, number>();
  for (const n of parsed) {
    const r = applyOne(scope, deliveryId, n, at);
    results.push({ id: r.id, guid: n.guid, agencyVersion: n.version, outcome: r.outcome });
    if (r.seq !== undefined) latest.set(r.id, r.seq);
  }
  recordItems(sql, deliveryId, recorded);
  // A delivery whose every story was already known is marked duplicate; identical bytes re-sent reuse the
  // first delivery's row, which keeps its status.
  const before = sql.deliveryStatus.get(deliveryId);
  const isRepeat = before?.status !== "parsed" && results.length > 0 && results.every((r) => r.outcome === "duplicate");
  sql.markDelivery.run(isRepeat ? "duplicate" : "parsed", format, parsed.length, deliveryId);
  const changed: AppliedDelivery["changed"] = [];
  for (const [id, seq] of [...latest].sort((a, b) => a[1] - b[1])) {
    const { rowid: _rowid, ...story } = sql.storySummary.get({ id })!;
    changed.push({ seq, story });
  }
  return { results, changed };
}
