import type { AuditPage } from "@/server/contract/audit";

function detailText(detail: Record<string, unknown> | null): string {
  if (!detail) return "";
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" · ");
}

/** The audit entries as a table: when, who, what, on what, and the details. */
export function AuditRows({ entries }: { entries: AuditPage["entries"] }) {
  return (
    <div className="overflow-x-auto">
      <table aria-label="Audit log" className="w-full text-left text-xs">
        <thead className="text-slate-500 dark:text-slate-400">
          <tr className="*:py-1 *:pr-3 *:font-medium">
            <th scope="col">When</th>
            <th scope="col">Person</th>
            <th scope="col">Action</th>
            <th scope="col">Subject</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} className="border-t border-slate-200 align-top *:py-1 *:pr-3 dark:border-slate-800">
              <td className="whitespace-nowrap tabular-nums">{new Date(entry.at).toLocaleString()}</td>
              <td>{entry.actorName ?? (entry.actorId ? entry.actorId : "system")}</td>
              <td className="font-medium">{entry.action.replace(/[_.]/g, " ")}</td>
              <td className="max-w-48 break-all font-mono text-[11px]">{entry.subject ?? ""}</td>
              <td className="break-words text-slate-600 dark:text-slate-300">{detailText(entry.detail)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
