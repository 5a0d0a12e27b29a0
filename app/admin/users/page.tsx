import { UsersAdmin } from "@/components/admin/users-admin";
import { PageShell } from "@/components/ui/page-shell";

export const metadata = { title: "Users · Wiredesk" };

/** Admin: users and roles. */
export default function UsersPage() {
  return (
    <PageShell title="Users">
      <UsersAdmin />
    </PageShell>
  );
}
