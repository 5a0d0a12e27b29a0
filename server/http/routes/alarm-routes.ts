import { SourceThresholdInputSchema } from "../../contract/alarms";
import type { Route } from "../route";

/** The desk's alarms (chiefs and admins see them) and the admins' silence thresholds per source. */
export const alarmRoutes: Route[] = [
  { method: "GET", path: "/api/alarms", access: "chief", handler: async ({ ctx }) => ({ status: 200, body: await ctx.alarms.current() }) },
  {
    method: "PUT",
    path: "/api/alarms/sources/:source",
    access: "admin",
    handler: async ({ ctx, json, params }) => {
      const input = await json(SourceThresholdInputSchema);
      await ctx.store.alarms.setThreshold(params.source ?? "", input.silentAfterMinutes, new Date(ctx.now()).toISOString());
      return { status: 200, body: await ctx.alarms.check() };
    },
  },
];
