import type { Route } from "../route";

/** `GET /healthz`: 200 when the database answers, 503 when it does not. */
export const healthRoutes: Route[] = [
  {
    method: "GET",
    path: "/healthz",
    access: "public",
    handler: async ({ ctx }) => {
      const isUp = await ctx.store.ping().catch(() => false);
      return { status: isUp ? 200 : 503, body: { status: isUp ? "ok" : "database unavailable", seq: isUp ? await ctx.store.stories.currentSeq() : null } };
    },
  },
];
