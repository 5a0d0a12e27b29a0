import Link from "next/link";
import { UsersAdmin } from "@/components/admin/users-admin";

export const metadata = { title: "Users · Wiredesk" };

/** Admin: users and roles. */
export default function UsersPage() {
  return (
    <main className="mx-auto max-w-4xl space-y-4 p-6">
      <Link href="/" className="text-xs text-blue-600 underline">
        ← Back to the desk
      </Link>
      <h1 className="text-lg font-semibold">Users</h1>
      <UsersAdmin />
    </main>
  );
}
