import type { AppContext } from "../app-context";
import type { AuditPage, AuditQuery } from "../contract/audit";

/**
 * One page of the audit log, newest first (logins, failed logins, role and token changes, desks, feeds,
 * webhooks), filtered by actor and action; each entry names its actor as the users table has it now.
 */
export async function listAuditEntries(ctx: AppContext, query: AuditQuery): Promise<AuditPage> {
  const rows = await ctx.store.accounts.listAudit({ limit: query.limit + 1, actorId: query.actor, action: query.action, beforeId: query.before });
  const page = rows.slice(0, query.limit);
  const names = new Map<string, string>();
  for (const actorId of new Set(page.map((e) => e.actorId))) {
    if (!actorId) continue;
    const user = await ctx.store.accounts.findUserById(actorId);
    if (user) names.set(actorId, user.name);
  }
  return {
    entries: page.map((e) => ({ ...e, actorName: e.actorId ? (names.get(e.actorId) ?? null) : null })),
    nextBefore: rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
