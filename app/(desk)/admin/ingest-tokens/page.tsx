import { AdminShell } from "@/components/admin/admin-shell";
import { IngestTokensAdmin } from "@/components/ingest-tokens/ingest-tokens-admin";

export const metadata = { title: "Ingest tokens · Wiredesk" };

/** Admin: the tokens senders use to post wire copy to the ingest API. */
export default function IngestTokensPage() {
  return (
    <AdminShell title="Ingest tokens" width="max-w-5xl">
      <p className="text-sm text-slate-500 dark:text-slate-400">
        One token per sender (an agency gateway, a script). Only a hash is stored: the secret is shown once, when the token is made. Revoking refuses the sender at once.
      </p>
      <IngestTokensAdmin />
    </AdminShell>
  );
}
