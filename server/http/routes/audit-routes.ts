import { AuditQuerySchema, type AuditEntryDto } from "../../contract/audit";
import { AppError } from "../../errors";
import type { Route } from "../route";

/** Admin: the newest audit log entries (logins, failed logins, role and token changes, publishes). */
export const auditRoutes: Route[] = [
  {
    method: "GET",
    path: "/api/audit",
    access: "admin",
    handler: async ({ ctx, url }) => {
      const query = AuditQuerySchema.safeParse(Object.fromEntries(url.searchParams));
      if (!query.success) throw new AppError("bad_request", `limit: ${query.error.issues[0]?.message ?? "invalid"}`);
      const entries: AuditEntryDto[] = await ctx.store.accounts.listAudit(query.data.limit);
      return { status: 200, body: { entries } };
    },
  },
];
