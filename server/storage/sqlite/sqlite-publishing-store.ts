import { and, asc, desc, eq, isNotNull, lt, lte, ne, notInArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { changes, publications, stories, storyHistory, storyWorkflow, users, webhookDeliveries, webhooks, type PublicationRecord, type StoryRecord } from "@/db/schema";
import type { StoryState } from "../../contract/story";
import { creditOf } from "../../domain/source-credit";
import type { PublishingStore, TransitionPlan } from "../publishing-store";
import { holderPatch } from "./holder-patch";
import { appendChange } from "./change-log";
import { keepStepVersion } from "./desk-versions";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

// Change kinds that are not work on the copy (four-eyes counts the others: take, submit, edits).
const NOT_WORK = ["approve", "publish", "schedule", "correct", "kill", "spike", "unspike", "release", "agency_version", "killed", "created", "auto_spike"];

function withoutRowid<T extends { rowid: number }>(row: T): Omit<T, "rowid"> {
  const { rowid: _rowid, ...rest } = row;
  return rest;
}

function enqueueWebhooks(tx: Tx, publication: PublicationRecord, event: string, body: string, at: string): void {
  const hooks = tx.select({ id: webhooks.id }).from(webhooks).where(eq(webhooks.enabled, true)).all();
  if (hooks.length === 0) return;
  // One statement for every endpoint: the publish transaction stays one short write however many there are.
  tx.insert(webhookDeliveries)
    .values(hooks.map((hook) => ({ webhookId: hook.id, event, storyId: publication.storyId, body, status: "pending" as const, nextAttemptAt: at, createdAt: at })))
    .run();
}

function writePublication(tx: Tx, story: StoryRecord, plan: TransitionPlan, seq: number, at: string, slugFor: (s: StoryRecord) => string): PublicationRecord | null {
  const step = plan.publication;
  if (!step) return null;
  const existing = tx.select().from(publications).where(eq(publications.storyId, story.id)).get();
  if (step.kind === "kill") {
    if (!existing) return null;
    return tx.update(publications).set({ state: "killed", killedAt: at, killReason: step.reason, seq, updatedAt: at }).where(eq(publications.storyId, story.id)).returning().get() ?? null;
  }
  // The desk copy as it is in the stories row now (co-editing writes it back there): never half-typed edits.
  const copy = {
    headline: story.headline,
    subheadline: story.subheadline,
    slugline: story.slugline,
    byline: story.byline,
    datelineText: story.datelineText,
    datelinePlace: story.datelinePlace,
    abstract: story.abstract,
    bodyHtml: story.bodyHtml,
    bodyText: story.bodyText,
    language: story.language,
    // A desk story credits the agencies of its takes in every output.
    agency: creditOf(story),
    urgency: story.urgency,
    categories: story.categories,
    keywords: story.keywords,
  };
  const corrections = [...(existing?.corrections ?? []), ...(step.kind === "correct" ? [{ at, note: step.note }] : [])];
  const row: PublicationRecord = {
    storyId: story.id,
    slug: existing?.slug ?? slugFor(story),
    state: step.kind === "correct" ? "corrected" : "published",
    ...copy,
    corrections,
    version: (existing?.version ?? 0) + 1,
    firstPublishedAt: existing?.firstPublishedAt ?? at,
    updatedAt: at,
    killedAt: null,
    killReason: null,
    seq,
  };
  tx.insert(publications).values(row).onConflictDoUpdate({ target: publications.storyId, set: { ...row, storyId: undefined } }).run();
  return row;
}

/** The SQLite implementation of workflow transitions and publications; each call is one transaction. */
export function createSqlitePublishingStore(db: Db): PublishingStore {
  return {
    async transition(request) {
      return db.transaction((tx) => {
        const row = tx.select().from(stories).where(eq(stories.id, request.id)).get();
        if (!row) return { ok: false as const, reason: "not_found" as const };
        const story = withoutRowid(row);
        if (request.expectedRev !== undefined && request.expectedRev !== story.rev) return { ok: false as const, reason: "stale_rev" as const, story };
        const workflow = tx.select().from(storyWorkflow).where(eq(storyWorkflow.storyId, story.id)).get();
        const holderName = story.takenBy ? (tx.select({ name: users.name }).from(users).where(eq(users.id, story.takenBy)).get()?.name ?? null) : null;
        const workers = tx
          .selectDistinct({ actorId: changes.actorId })
          .from(changes)
          .where(and(eq(changes.storyId, story.id), isNotNull(changes.actorId), notInArray(changes.kind, NOT_WORK)))
          .all()
          .map((r) => r.actorId!);
        const decided = request.plan({ story, holderName, spikedFrom: (workflow?.spikedFrom as StoryState | null) ?? null, workers });
        if (!decided.ok) return { ok: false as const, reason: "refused" as const, refusal: decided.refusal, story };
        const { plan } = decided;
        const at = new Date().toISOString();
        const seq = appendChange(db, story.id, request.action, request.actorId, at);
        const patch: Partial<StoryRecord> = { ...plan.fields, state: plan.to, seq, rev: story.rev + 1, updatedAt: at };
        Object.assign(patch, holderPatch(tx, story.takenBy, plan.takenBy, at));
        tx.update(stories).set(patch).where(eq(stories.id, story.id)).run();
        if (plan.spikedFrom !== undefined || plan.scheduledAt !== undefined) {
          const set = { ...(plan.spikedFrom !== undefined ? { spikedFrom: plan.spikedFrom } : {}), ...(plan.scheduledAt !== undefined ? { scheduledAt: plan.scheduledAt } : {}) };
          tx.insert(storyWorkflow).values({ storyId: story.id, ...set }).onConflictDoUpdate({ target: storyWorkflow.storyId, set }).run();
        }
        const changed = { ...story, ...patch };
        tx.insert(storyHistory).values({ storyId: story.id, at, actorId: request.actorId, action: request.action, fromState: story.state, toState: plan.to, rev: changed.rev, detail: plan.detail }).run();
        const publication = writePublication(tx, changed, plan, seq, at, request.slugFor);
        if (publication && plan.publication) enqueueWebhooks(tx, publication, plan.publication.kind, request.webhookBody(publication), at);
        // Every step is a version of the desk copy, in the step's own transaction (one per step, even in a burst).
        const deskVersion = keepStepVersion(tx, changed, { action: request.action, actorId: request.actorId, at, contributors: request.contributors ?? [] });
        return { ok: true as const, seq, story: changed, publication, deskVersion };
      });
    },
    async withdrawPublication(storyId, reason, webhookBody) {
      return db.transaction((tx) => {
        const existing = tx.select().from(publications).where(eq(publications.storyId, storyId)).get();
        if (!existing || existing.state === "killed") return null;
        const at = new Date().toISOString();
        const seq = appendChange(db, storyId, "withdraw", null, at);
        tx.update(stories).set({ seq, updatedAt: at }).where(eq(stories.id, storyId)).run();
        const current = tx.select({ state: stories.state, rev: stories.rev }).from(stories).where(eq(stories.id, storyId)).get();
        tx.insert(storyHistory).values({ storyId, at, actorId: null, action: "withdraw", fromState: existing.state, toState: current?.state ?? "killed", rev: current?.rev ?? 0, detail: { reason } }).run();
        const publication = tx.update(publications).set({ state: "killed", killedAt: at, killReason: reason, seq, updatedAt: at }).where(eq(publications.storyId, storyId)).returning().get();
        enqueueWebhooks(tx, publication, "kill", webhookBody(publication), at);
        return publication;
      });
    },
    async listHistory(storyId) {
      return db
        .select({ entry: storyHistory, actorName: users.name })
        .from(storyHistory)
        .leftJoin(users, eq(users.id, storyHistory.actorId))
        .where(eq(storyHistory.storyId, storyId))
        .orderBy(asc(storyHistory.id))
        .all()
        .map((r) => ({ ...r.entry, actorName: r.actorName }));
    },
    async listPublications({ after, limit }) {
      const live = ne(publications.state, "killed");
      const older = after
        ? or(lt(publications.firstPublishedAt, after.firstPublishedAt), and(eq(publications.firstPublishedAt, after.firstPublishedAt), lt(publications.storyId, after.storyId)))
        : undefined;
      return db
        .select()
        .from(publications)
        .where(older ? and(live, older) : live)
        .orderBy(desc(publications.firstPublishedAt), desc(publications.storyId))
        .limit(limit)
        .all();
    },
    async getPublication(storyId) {
      return db.select().from(publications).where(eq(publications.storyId, storyId)).get() ?? null;
    },
    async publicationsVersion() {
      const row = db.get<{ seq: number | null; count: number }>(sql`select max(seq) as seq, count(*) as count from publications`);
      return { seq: row?.seq ?? 0, count: row?.count ?? 0 };
    },
    async listDueScheduled(now, limit) {
      return db
        .select({ id: storyWorkflow.storyId })
        .from(storyWorkflow)
        .innerJoin(stories, eq(stories.id, storyWorkflow.storyId))
        .where(and(lte(storyWorkflow.scheduledAt, now), eq(stories.state, "scheduled"), or(sql`${stories.embargoUntil} is null`, lte(stories.embargoUntil, now))))
        .orderBy(asc(storyWorkflow.scheduledAt))
        .limit(limit)
        .all()
        .map((r) => r.id);
    },
    async clearSchedule(storyId) {
      db.update(storyWorkflow).set({ scheduledAt: null }).where(eq(storyWorkflow.storyId, storyId)).run();
    },
  };
}
