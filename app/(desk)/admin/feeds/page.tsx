import Link from "next/link";
import { FeedsAdmin } from "@/components/feeds/feeds-admin";
import { AdminShell } from "@/components/admin/admin-shell";

export const metadata = { title: "Pull feeds · Wiredesk" };

/** Admin: the RSS, Atom and other HTTP feeds the desk polls. */
export default function FeedsPage() {
  return (
    <AdminShell title="Pull feeds" width="max-w-7xl">
      <p className="text-sm text-slate-500 dark:text-slate-400">
        RSS, Atom or any URL that answers in a supported wire format, polled at its interval with conditional requests (ETag, If-Modified-Since). After a failure the wait doubles each
        time, up to 30 minutes, until a poll works. Bodies that cannot be parsed are kept in{" "}
        <Link href="/admin/ingest" className="text-blue-600 underline dark:text-blue-400">
          Ingest errors
        </Link>
        .
      </p>
      <FeedsAdmin />
    </AdminShell>
  );
}
