import { AdminShell } from "@/components/admin/admin-shell";
import { AuditLog } from "@/components/audit/audit-log";

export const metadata = { title: "Audit log · Wiredesk" };

/** Admin: the audit log, by person and by action. */
export default function AuditPage() {
  return (
    <AdminShell title="Audit log">
      <p className="text-sm text-slate-500 dark:text-slate-400">Sign-ins, failed sign-ins, role and password changes, tokens, desks, feeds and webhooks: who did it and when, newest first.</p>
      <AuditLog />
    </AdminShell>
  );
}
