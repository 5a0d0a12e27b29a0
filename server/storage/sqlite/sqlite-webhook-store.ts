import { and, asc, desc, eq, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookDeliveries, webhooks } from "@/db/schema";
import type { WebhookAttempt, WebhookStore } from "../publishing-store";

function recordInTransaction(db: Db, attempts: readonly WebhookAttempt[]): void {
  db.transaction((tx) => {
    for (const attempt of attempts) {
      tx.update(webhookDeliveries)
        .set({
          status: attempt.outcome === "retry" ? "pending" : attempt.outcome,
          attempts: sql`${webhookDeliveries.attempts} + 1`,
          lastAttemptAt: attempt.at,
          lastStatus: attempt.status,
          lastError: attempt.error,
          ...(attempt.nextAttemptAt ? { nextAttemptAt: attempt.nextAttemptAt } : {}),
          ...(attempt.outcome === "delivered" ? { deliveredAt: attempt.at } : {}),
        })
        .where(eq(webhookDeliveries.id, attempt.id))
        .run();
    }
  });
}

/** The SQLite implementation of webhook endpoints and their delivery queue. */
export function createSqliteWebhookStore(db: Db): WebhookStore {
  return {
    async listWebhooks() {
      return db.select().from(webhooks).orderBy(asc(webhooks.createdAt), asc(webhooks.id)).all();
    },
    async createWebhook(webhook) {
      return db.insert(webhooks).values(webhook).returning().get();
    },
    async updateWebhook(id, patch) {
      if (Object.keys(patch).length === 0) return db.select().from(webhooks).where(eq(webhooks.id, id)).get() ?? null;
      return db.update(webhooks).set(patch).where(eq(webhooks.id, id)).returning().get() ?? null;
    },
    async removeWebhook(id) {
      return db.delete(webhooks).where(eq(webhooks.id, id)).run().changes > 0;
    },
    async listDueDeliveries(now, limit) {
      return db
        .select({ delivery: webhookDeliveries, webhook: webhooks })
        .from(webhookDeliveries)
        .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
        .where(and(eq(webhookDeliveries.status, "pending"), lte(webhookDeliveries.nextAttemptAt, now)))
        .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
        .limit(limit)
        .all();
    },
    async nextDueAt() {
      return db.get<{ at: string | null }>(sql`select min(next_attempt_at) as at from webhook_deliveries where status = 'pending'`)?.at ?? null;
    },
    async recordAttempts(attempts) {
      // Delivery outcomes are not worth a disk flush on the event loop (at synchronous=FULL one costs the
      // desk tens of milliseconds on a slow disk): committed at NORMAL, a power cut can lose only the last
      // outcomes, and then those events are sent again (at-least-once; receivers dedupe by delivery id).
      // The next FULL commit flushes them with its own.
      const sqlite = db.$client;
      const level = sqlite.pragma("synchronous", { simple: true }) as number;
      if (level > 1) sqlite.pragma("synchronous = NORMAL");
      try {
        recordInTransaction(db, attempts);
      } finally {
        if (level > 1) sqlite.pragma(`synchronous = ${level}`);
      }
    },
    async listDeliveries(webhookId, limit) {
      return db.select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId)).orderBy(desc(webhookDeliveries.id)).limit(limit).all();
    },
  };
}
