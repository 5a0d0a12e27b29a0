import { WebhookCreateSchema, WebhookPatchSchema } from "../../contract/webhooks";
import { createWebhook, listWebhookDeliveries, listWebhooks, removeWebhook, updateWebhook } from "../../publishing/webhook-service";
import { requireUser, type Route } from "../route";

/** Webhook endpoints and their delivery log (admins). */
export const webhookRoutes: Route[] = [
  { method: "GET", path: "/api/webhooks", access: "admin", handler: async ({ ctx }) => ({ status: 200, body: { webhooks: await listWebhooks(ctx) } }) },
  {
    method: "POST",
    path: "/api/webhooks",
    access: "admin",
    handler: async ({ ctx, json, actor }) => ({ status: 201, body: await createWebhook(ctx, await json(WebhookCreateSchema), requireUser(actor).userId) }),
  },
  {
    method: "PATCH",
    path: "/api/webhooks/:id",
    access: "admin",
    handler: async ({ ctx, params, json, actor }) => ({ status: 200, body: await updateWebhook(ctx, params.id ?? "", await json(WebhookPatchSchema), requireUser(actor).userId) }),
  },
  {
    method: "DELETE",
    path: "/api/webhooks/:id",
    access: "admin",
    handler: async ({ ctx, params, actor }) => {
      await removeWebhook(ctx, params.id ?? "", requireUser(actor).userId);
      return { status: 204 };
    },
  },
  {
    method: "GET",
    path: "/api/webhooks/:id/deliveries",
    access: "admin",
    handler: async ({ ctx, params }) => ({ status: 200, body: { deliveries: await listWebhookDeliveries(ctx, params.id ?? "") } }),
  },
];
