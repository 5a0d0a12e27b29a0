import { listAuditEntries } from "../../auth/audit";
import { AuditQuerySchema } from "../../contract/audit";
import { AppError } from "../../errors";
import type { Route } from "../route";

/** Admin: the audit log (logins, failed logins, role and token changes, desks, feeds, webhooks), filtered and paged. */
export const auditRoutes: Route[] = [
  {
    method: "GET",
    path: "/api/audit",
    access: "admin",
    handler: async ({ ctx, url }) => {
      const query = AuditQuerySchema.safeParse(Object.fromEntries(url.searchParams));
      if (!query.success) {
        const issue = query.error.issues[0];
        throw new AppError("bad_request", `${issue?.path.join(".") || "query"}: ${issue?.message ?? "invalid"}`);
      }
      return { status: 200, body: await listAuditEntries(ctx, query.data) };
    },
  },
];
