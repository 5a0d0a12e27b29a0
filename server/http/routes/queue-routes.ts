import { UserSettingsPatchSchema } from "../../contract/auth";
import { markStoryRead, markStoryUnread } from "../../stories/read-state";
import { getQueueStats } from "../../stories/stats";
import { updateUserSettings } from "../../users/service";
import { requireUser, type Route } from "../route";

/** Per-user read state, the header's stats, and the caller's alert settings. */
export const queueRoutes: Route[] = [
  {
    method: "POST",
    path: "/api/stories/:id/read",
    access: "viewer",
    handler: async ({ ctx, actor, params }) => {
      await markStoryRead(ctx, requireUser(actor).userId, params.id ?? "");
      return { status: 204 };
    },
  },
  {
    method: "DELETE",
    path: "/api/stories/:id/read",
    access: "viewer",
    handler: async ({ ctx, actor, params }) => {
      await markStoryUnread(ctx, requireUser(actor).userId, params.id ?? "");
      return { status: 204 };
    },
  },
  { method: "GET", path: "/api/stats", access: "viewer", handler: async ({ ctx, url }) => ({ status: 200, body: await getQueueStats(ctx, url.searchParams) }) },
  {
    method: "PATCH",
    path: "/api/auth/settings",
    access: "viewer",
    handler: async ({ ctx, actor, json }) => ({ status: 200, body: await updateUserSettings(ctx, requireUser(actor).userId, await json(UserSettingsPatchSchema, 1024)) }),
  },
];
