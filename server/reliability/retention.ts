import { randomUUID } from "node:crypto";
import { setImmediate as yieldToDesk } from "node:timers/promises";
import * as Y from "yjs";
import type { AppContext } from "../app-context";

/** Rows deleted per transaction: short enough that the desk's writes never wait long behind one. */
export const RETENTION_BATCH = 500;
const DAY_MS = 24 * 60 * 60 * 1000;
const JOB = "retention";

/** What one retention run removed. */
export interface RetentionResult {
  changeLogRows: number;
  unusedStories: number;
  rawDeliveries: number;
  auditRows: number;
  collabLogsCompacted: number;
  changeLogFloor: number;
}

const cutoff = (now: number, days: number) => new Date(now - days * DAY_MS).toISOString();

/** Runs `step` in batches until it deletes less than a batch, yielding to the event loop between them. */
async function inBatches(step: (limit: number) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await step(RETENTION_BATCH);
    total += deleted;
    if (deleted < RETENTION_BATCH) return total;
    await yieldToDesk();
  }
}

/** Merges a story's idle co-editing update log into its stored state (the text stays as it is). */
async function compactCollabLog(ctx: AppContext, storyId: string): Promise<boolean> {
  const stored = await ctx.store.deskCopy.loadDoc(storyId);
  if (stored.updates.length === 0) return false;
  const parts = stored.state ? [stored.state, ...stored.updates] : stored.updates;
  await ctx.store.deskCopy.compact(storyId, Y.mergeUpdates(parts), stored.lastUpdateId);
  return true;
}

/**
 * Applies the retention settings once: prunes the change log by age and size, then removes unused
 * incoming copy (only once its last change is out of the log, so a desk that still holds it refetches),
 * raw bytes of old deliveries, old audit rows, and compacts idle co-editing logs. Published stories,
 * their versions and history are never touched. A setting of 0 days keeps that data for ever.
 */
export async function runRetention(ctx: AppContext, now = ctx.now()): Promise<RetentionResult> {
  const env = ctx.env;
  const { housekeeping } = ctx.store;
  const changeLogRows = await inBatches((limit) => housekeeping.pruneChangeLog(cutoff(now, env.WIREDESK_CHANGE_LOG_DAYS), env.WIREDESK_CHANGE_LOG_MAX_ROWS, limit));
  const unusedStories = env.WIREDESK_RETAIN_INCOMING_DAYS > 0 ? await inBatches((limit) => housekeeping.purgeUnusedStories(cutoff(now, env.WIREDESK_RETAIN_INCOMING_DAYS), limit)) : 0;
  const rawDeliveries = env.WIREDESK_RETAIN_RAW_DAYS > 0 ? await inBatches((limit) => housekeeping.purgeRawDeliveries(cutoff(now, env.WIREDESK_RETAIN_RAW_DAYS), limit)) : 0;
  const auditRows = env.WIREDESK_RETAIN_AUDIT_DAYS > 0 ? await inBatches((limit) => housekeeping.purgeAudit(cutoff(now, env.WIREDESK_RETAIN_AUDIT_DAYS), limit)) : 0;
  let collabLogsCompacted = 0;
  if (env.WIREDESK_RETAIN_COLLAB_DAYS > 0) {
    for (const storyId of await housekeeping.listIdleCollabStories(cutoff(now, env.WIREDESK_RETAIN_COLLAB_DAYS), 10_000)) {
      if (await compactCollabLog(ctx, storyId)) collabLogsCompacted += 1;
      await yieldToDesk();
    }
  }
  return { changeLogRows, unusedStories, rawDeliveries, auditRows, collabLogsCompacted, changeLogFloor: await housekeeping.changeLogFloor() };
}

/** Runs retention when its last run is older than WIREDESK_RETENTION_EVERY_HOURS and this node gets the lease. */
export async function runRetentionIfDue(ctx: AppContext, holder: string): Promise<RetentionResult | null> {
  const now = ctx.now();
  const last = await ctx.store.leases.lastRun(JOB);
  if (last.lastRunAt && now - Date.parse(last.lastRunAt) < ctx.env.WIREDESK_RETENTION_EVERY_HOURS * 60 * 60 * 1000) return null;
  // An hour's lease: a node that dies mid-run leaves it to another one after that.
  if (!(await ctx.store.leases.acquire(JOB, holder, 60 * 60 * 1000, now))) return null;
  let result: RetentionResult | null = null;
  try {
    result = await runRetention(ctx, now);
    ctx.logger.info({ retention: result }, "retention applied");
    return result;
  } finally {
    await ctx.store.leases.release(JOB, holder, { at: new Date(now).toISOString(), result: result ? { ...result } : { failed: true } });
  }
}

/** Checks every 10 minutes whether retention is due (the first check a minute after start). */
export function startRetentionJob(ctx: AppContext, options: { checkEveryMs?: number; firstCheckMs?: number } = {}): { stop: () => Promise<void> } {
  const holder = `node-${randomUUID()}`;
  let running: Promise<unknown> = Promise.resolve();
  const check = () => {
    running = runRetentionIfDue(ctx, holder).catch((error: unknown) => ctx.logger.error({ err: error }, "retention failed"));
  };
  const first = setTimeout(check, options.firstCheckMs ?? 60_000);
  const timer = setInterval(check, options.checkEveryMs ?? 10 * 60_000);
  first.unref();
  timer.unref();
  return {
    stop: async () => {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
