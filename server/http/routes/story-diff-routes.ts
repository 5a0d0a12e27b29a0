import { getVersionDiff } from "../../stories/version-diff";
import type { Route } from "../route";

/** `GET /api/stories/:id/diff?from=N&to=M`: the word-level difference between two agency versions. */
export const storyDiffRoutes: Route[] = [
  {
    method: "GET",
    path: "/api/stories/:id/diff",
    access: "viewer",
    handler: async ({ ctx, params, url }) => ({ status: 200, body: await getVersionDiff(ctx, params.id ?? "", url.searchParams) }),
  },
];
