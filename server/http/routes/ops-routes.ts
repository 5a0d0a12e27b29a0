import type { Route } from "../route";

/** `GET /readyz` (can this process serve the desk?) and `GET /metrics` (Prometheus, with the metrics token). */
export const opsRoutes: Route[] = [
  {
    method: "GET",
    path: "/readyz",
    access: "public",
    handler: async ({ ctx }) => {
      const readiness = await ctx.store.ops.readiness().catch((error: unknown) => ({ writable: false, pendingMigrations: [], problem: String(error) }));
      const isReady = readiness.writable && readiness.pendingMigrations.length === 0 && !ctx.shuttingDown;
      return {
        status: isReady ? 200 : 503,
        body: { status: isReady ? "ready" : "not ready", writable: readiness.writable, pendingMigrations: readiness.pendingMigrations, problem: ctx.shuttingDown ? "shutting down" : readiness.problem },
      };
    },
  },
  {
    method: "GET",
    path: "/metrics",
    access: "metrics",
    handler: async ({ ctx }) => {
      const { contentType, text } = await ctx.metrics.render();
      return { status: 200, body: text, headers: { "content-type": contentType } };
    },
  },
];
