"use client";

import { useState } from "react";
import type { IngestTokenDto } from "@/server/contract/ingest-token";

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—");

/** One ingest token: its name, dates and state, and Revoke after a confirmation. */
export function TokenRow({ token, isBusy, onRevoke }: { token: IngestTokenDto; isBusy: boolean; onRevoke: () => void }) {
  const [isConfirming, setIsConfirming] = useState(false);
  return (
    <tr className="border-t border-slate-200 *:py-1 *:pr-3 dark:border-slate-800">
      <td className="font-medium">{token.name}</td>
      <td>{when(token.createdAt)}</td>
      <td>{when(token.lastUsedAt)}</td>
      <td className={token.revokedAt ? "text-slate-500" : "text-green-700 dark:text-green-400"}>{token.revokedAt ? `revoked ${when(token.revokedAt)}` : "active"}</td>
      <td className="text-right">
        {token.revokedAt ? null : isConfirming ? (
          <span role="group" aria-label={`Revoke ${token.name}?`} onKeyDown={(e) => e.key === "Escape" && setIsConfirming(false)} className="inline-flex items-center gap-1.5 whitespace-nowrap">
            <span className="text-xs">Senders using it are refused at once.</span>
            <button type="button" disabled={isBusy} onClick={onRevoke} className="rounded bg-red-600 px-2 py-0.5 text-xs text-white">
              Yes, revoke
            </button>
            <button type="button" autoFocus onClick={() => setIsConfirming(false)} className="rounded border border-slate-300 px-2 py-0.5 text-xs dark:border-slate-600">
              Keep it
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setIsConfirming(true)} aria-label={`Revoke ${token.name}`} className="rounded px-2 py-0.5 text-xs text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950">
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}
