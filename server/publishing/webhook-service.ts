import { randomBytes, randomUUID } from "node:crypto";
import type { WebhookDeliveryRecord, WebhookRecord } from "@/db/schema";
import type { AppContext } from "../app-context";
import type { WebhookCreate, WebhookDeliveryDto, WebhookDto, WebhookPatch } from "../contract/webhooks";
import { AppError } from "../errors";
import { assertOutboundUrl } from "../net/outbound-policy";

function present(w: WebhookRecord, withSecret = false): WebhookDto {
  return { id: w.id, url: w.url, description: w.description, enabled: w.enabled, createdAt: w.createdAt, ...(withSecret ? { secret: w.secret } : {}) };
}

function presentDelivery(d: WebhookDeliveryRecord): WebhookDeliveryDto {
  return { id: d.id, event: d.event, storyId: d.storyId, status: d.status, attempts: d.attempts, lastStatus: d.lastStatus, lastError: d.lastError, nextAttemptAt: d.nextAttemptAt, createdAt: d.createdAt, deliveredAt: d.deliveredAt };
}

/** Every endpoint (never the secrets). */
export async function listWebhooks(ctx: AppContext): Promise<WebhookDto[]> {
  return (await ctx.store.webhooks.listWebhooks()).map((w) => present(w));
}

/** Registers an endpoint; the answer carries its signing secret, shown this once. */
export async function createWebhook(ctx: AppContext, input: WebhookCreate, actorId: string): Promise<WebhookDto> {
  assertOutboundUrl(ctx.outbound, input.url);
  const created = await ctx.store.webhooks.createWebhook({
    id: randomUUID(),
    url: input.url,
    secret: `whsec_${randomBytes(24).toString("base64url")}`,
    description: input.description ?? null,
    enabled: input.enabled ?? true,
    createdAt: new Date(ctx.now()).toISOString(),
  });
  await ctx.store.accounts.appendAudit({ actorId, action: "webhook.create", subject: created.id, detail: { url: created.url } });
  return present(created, true);
}

/** Changes an endpoint's address, description or enabled flag. */
export async function updateWebhook(ctx: AppContext, id: string, patch: WebhookPatch, actorId: string): Promise<WebhookDto> {
  if (patch.url !== undefined) assertOutboundUrl(ctx.outbound, patch.url);
  const updated = await ctx.store.webhooks.updateWebhook(id, patch);
  if (!updated) throw new AppError("not_found", "No webhook with that id.");
  await ctx.store.accounts.appendAudit({ actorId, action: "webhook.update", subject: id, detail: patch });
  return present(updated);
}

/** Removes an endpoint and its delivery log. */
export async function removeWebhook(ctx: AppContext, id: string, actorId: string): Promise<void> {
  if (!(await ctx.store.webhooks.removeWebhook(id))) throw new AppError("not_found", "No webhook with that id.");
  await ctx.store.accounts.appendAudit({ actorId, action: "webhook.delete", subject: id });
}

/** The newest deliveries to one endpoint. */
export async function listWebhookDeliveries(ctx: AppContext, id: string, limit = 100): Promise<WebhookDeliveryDto[]> {
  return (await ctx.store.webhooks.listDeliveries(id, limit)).map(presentDelivery);
}
