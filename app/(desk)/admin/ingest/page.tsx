import { IngestErrors } from "@/components/ingest/ingest-errors";
import { AdminShell } from "@/components/admin/admin-shell";

export const metadata = { title: "Ingest errors · Wiredesk" };

/** Admin: the quarantine of wire deliveries that could not be parsed. */
export default function IngestErrorsPage() {
  return (
    <AdminShell title="Ingest errors" width="max-w-6xl">
      <p className="text-sm text-slate-500">
        Deliveries whose bytes could not be parsed are kept here verbatim. Download one to inspect it; Retry runs it through the current parsers again.
      </p>
      <IngestErrors />
    </AdminShell>
  );
}
