import { SavedSearchInputSchema } from "../../contract/saved-search";
import { createSavedSearch, listSavedSearches, openSavedSearch, removeSavedSearch } from "../../saved-searches/service";
import { requireUser, type Route } from "../route";

/** The caller's own saved searches. */
export const savedSearchRoutes: Route[] = [
  {
    method: "GET",
    path: "/api/saved-searches",
    access: "viewer",
    handler: async ({ ctx, actor }) => ({ status: 200, body: { savedSearches: await listSavedSearches(ctx, requireUser(actor).userId) } }),
  },
  {
    method: "POST",
    path: "/api/saved-searches",
    access: "viewer",
    handler: async ({ ctx, json, actor }) => ({ status: 201, body: await createSavedSearch(ctx, requireUser(actor).userId, await json(SavedSearchInputSchema, 8 * 1024)) }),
  },
  {
    method: "POST",
    path: "/api/saved-searches/:id/open",
    access: "viewer",
    handler: async ({ ctx, actor, params }) => {
      await openSavedSearch(ctx, requireUser(actor).userId, params.id ?? "");
      return { status: 204 };
    },
  },
  {
    method: "DELETE",
    path: "/api/saved-searches/:id",
    access: "viewer",
    handler: async ({ ctx, actor, params }) => {
      await removeSavedSearch(ctx, requireUser(actor).userId, params.id ?? "");
      return { status: 204 };
    },
  },
];
