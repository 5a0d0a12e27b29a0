import Link from "next/link";
import { IngestErrors } from "@/components/ingest/ingest-errors";

export const metadata = { title: "Ingest errors · Wiredesk" };

/** Admin: the quarantine of wire deliveries that could not be parsed. */
export default function IngestErrorsPage() {
  return (
    <main className="mx-auto max-w-6xl space-y-4 p-6">
      <Link href="/" className="text-xs text-blue-600 underline">
        ← Back to the desk
      </Link>
      <h1 className="text-lg font-semibold">Ingest errors</h1>
      <p className="text-sm text-slate-500">
        Deliveries whose bytes could not be parsed are kept here verbatim. Download one to inspect it; Retry runs it through the current parsers again.
      </p>
      <IngestErrors />
    </main>
  );
}
