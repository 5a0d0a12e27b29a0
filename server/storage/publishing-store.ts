import type { DeskVersionRecord, PublicationRecord, StoryHistoryRecord, StoryRecord, WebhookDeliveryRecord, WebhookRecord } from "@/db/schema";
import type { StoryState } from "../contract/story";
import type { StoryFieldsPatch } from "./desk-copy-store";

/** The story as a workflow transaction reads it, with the facts the rules need. */
export interface TransitionSnapshot {
  story: StoryRecord;
  holderName: string | null;
  spikedFrom: StoryState | null;
  /** Users who took, submitted or edited the story. */
  workers: string[];
}

/** The change a workflow action makes (decided by the domain's rules from the snapshot). */
export interface TransitionPlan {
  to: StoryState;
  takenBy?: string | null;
  spikedFrom?: StoryState | null;
  scheduledAt?: string | null;
  publication?: { kind: "publish" } | { kind: "correct"; note: string } | { kind: "kill"; reason: string };
  /** Other fields changed in the same write (a field save that returns a story handed on to in_progress). */
  fields?: StoryFieldsPatch;
  detail: Record<string, unknown>;
}

/** One workflow transition: the rules run inside the transaction, so every check holds when it is written. */
export interface TransitionRequest<R> {
  id: string;
  action: string;
  actorId: string | null;
  expectedRev?: number;
  plan: (snapshot: TransitionSnapshot) => { ok: true; plan: TransitionPlan } | { ok: false; refusal: R };
  /** The public slug for a first publication. */
  slugFor: (story: StoryRecord) => string;
  /** The webhook body (ninjs JSON) for a publication change; queued in the same transaction. */
  webhookBody: (publication: PublicationRecord) => string;
  /** Who changed the desk copy since its last version: credited in the version the step keeps. */
  contributors?: string[];
}

/** The outcome of a transition. */
export type TransitionResult<R> =
  | { ok: true; seq: number; story: StoryRecord; publication: PublicationRecord | null; deskVersion: DeskVersionRecord | null }
  | { ok: false; reason: "not_found" | "stale_rev"; story?: StoryRecord }
  | { ok: false; reason: "refused"; refusal: R; story: StoryRecord };

/** A page of live publications, newest first. */
export interface PublicationPageRequest {
  /** Only publications older than this one in feed order. */
  after?: { firstPublishedAt: string; storyId: string };
  limit: number;
}

/** Workflow transitions, their history, and the publications readers see. */
export interface PublishingStore {
  transition<R>(request: TransitionRequest<R>): Promise<TransitionResult<R>>;
  /** The story's workflow history, oldest first, with actor names. */
  listHistory(storyId: string): Promise<(StoryHistoryRecord & { actorName: string | null })[]>;
  /** Live (not killed) publications, newest first publication first. */
  listPublications(request: PublicationPageRequest): Promise<PublicationRecord[]>;
  getPublication(storyId: string): Promise<PublicationRecord | null>;
  /** The highest change seq of any publication and their count (ETags change with either). */
  publicationsVersion(): Promise<{ seq: number; count: number }>;
  /** Scheduled stories due at `now` (time reached, embargo over), soonest first. */
  listDueScheduled(now: string, limit: number): Promise<string[]>;
  /** Withdraws a live publication without a desk transition (the agency killed the story); null when none is live. */
  withdrawPublication(storyId: string, reason: string, webhookBody: (publication: PublicationRecord) => string): Promise<PublicationRecord | null>;
  /** Forgets a story's scheduled time (it could not go out; a chief decides). */
  clearSchedule(storyId: string): Promise<void>;
}

/** A webhook delivery with its endpoint, ready to send. */
export interface DueWebhookDelivery {
  delivery: WebhookDeliveryRecord;
  webhook: WebhookRecord;
}

/** The outcome of one POST of a delivery. */
export interface WebhookAttempt {
  id: number;
  at: string;
  status: string;
  error: string | null;
  outcome: "delivered" | "retry" | "failed";
  nextAttemptAt?: string;
}

/** Webhook endpoints and their delivery queue. */
export interface WebhookStore {
  listWebhooks(): Promise<WebhookRecord[]>;
  createWebhook(webhook: Omit<WebhookRecord, "enabled"> & { enabled?: boolean }): Promise<WebhookRecord>;
  updateWebhook(id: string, patch: Partial<Pick<WebhookRecord, "url" | "description" | "enabled">>): Promise<WebhookRecord | null>;
  removeWebhook(id: string): Promise<boolean>;
  /** Pending deliveries whose next attempt is due at `now`, oldest first. */
  listDueDeliveries(now: string, limit: number): Promise<DueWebhookDelivery[]>;
  /** The soonest next attempt of any pending delivery, or null. */
  nextDueAt(): Promise<string | null>;
  /** Records attempts of many deliveries in one transaction (one commit for a whole fan-out). */
  recordAttempts(attempts: readonly WebhookAttempt[]): Promise<void>;
  listDeliveries(webhookId: string, limit: number): Promise<WebhookDeliveryRecord[]>;
}
