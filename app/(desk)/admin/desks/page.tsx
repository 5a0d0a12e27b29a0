import { AdminShell } from "@/components/admin/admin-shell";
import { DesksAdmin } from "@/components/desks/desks-admin";

export const metadata = { title: "Desks · Wiredesk" };

/** Admin: desks and the rules that route incoming stories to them. */
export default function DesksPage() {
  return (
    <AdminShell title="Desks" width="max-w-5xl">
      <p className="text-sm text-slate-500 dark:text-slate-400">
        Each incoming story goes to the first desk, in this order, with a rule whose every filled field matches it. Editors see their own desks first; deleting a desk leaves its stories where they are.
      </p>
      <DesksAdmin />
    </AdminShell>
  );
}
