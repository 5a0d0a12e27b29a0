import { WebhooksAdmin } from "@/components/webhooks/webhooks-admin";
import { AdminShell } from "@/components/admin/admin-shell";

export const metadata = { title: "Webhooks · Wiredesk" };

/** Admin: endpoints that receive each publish, correction and kill, with their delivery log. */
export default function WebhooksPage() {
  return (
    <AdminShell title="Webhooks" width="max-w-7xl">
      <p className="text-sm text-slate-500 dark:text-slate-400">
        Each publish, correction and kill is POSTed to every enabled endpoint as an IPTC ninjs item, signed in the <code>X-Wiredesk-Signature</code> header (
        <code>sha256=</code> HMAC-SHA256 of the body with the endpoint&apos;s secret). Failed deliveries are retried with exponential backoff and survive a restart.
      </p>
      <WebhooksAdmin />
    </AdminShell>
  );
}
