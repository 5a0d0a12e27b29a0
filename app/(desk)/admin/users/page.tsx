import { UsersAdmin } from "@/components/admin/users-admin";
import { AdminShell } from "@/components/admin/admin-shell";

export const metadata = { title: "Users · Wiredesk" };

/** Admin: users and roles. */
export default function UsersPage() {
  return (
    <AdminShell title="Users">
      <UsersAdmin />
    </AdminShell>
  );
}
