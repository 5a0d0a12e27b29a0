import { FeedInputSchema, FeedPatchSchema } from "../../contract/feeds";
import { createFeed, listFeeds, pollFeedNow, removeFeed, updateFeed } from "../../ingest/sources/feed-service";
import { requireUser, type Route } from "../route";

/** Admin: pull feeds (list, add, change, remove, poll now). */
export const feedRoutes: Route[] = [
  { method: "GET", path: "/api/feeds", access: "admin", handler: async ({ ctx }) => ({ status: 200, body: { feeds: await listFeeds(ctx) } }) },
  {
    method: "POST",
    path: "/api/feeds",
    access: "admin",
    handler: async ({ ctx, json, actor }) => ({ status: 201, body: await createFeed(ctx, await json(FeedInputSchema), requireUser(actor).userId) }),
  },
  {
    method: "PATCH",
    path: "/api/feeds/:id",
    access: "admin",
    handler: async ({ ctx, json, actor, params }) => ({
      status: 200,
      body: await updateFeed(ctx, params.id ?? "", await json(FeedPatchSchema), requireUser(actor).userId),
    }),
  },
  {
    method: "DELETE",
    path: "/api/feeds/:id",
    access: "admin",
    handler: async ({ ctx, actor, params }) => {
      await removeFeed(ctx, params.id ?? "", requireUser(actor).userId);
      return { status: 204 };
    },
  },
  { method: "POST", path: "/api/feeds/:id/poll", access: "admin", handler: async ({ ctx, params }) => ({ status: 200, body: await pollFeedNow(ctx, params.id ?? "") }) },
];
