"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { IngestResult } from "@/server/contract/ingest";
import { fetchJson } from "../api/fetch-json";
import { ingestQueries } from "./queries";

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Admin: deliveries that could not be parsed, each with its reason, a download of the bytes and a Retry. */
export function IngestErrors() {
  const queryClient = useQueryClient();
  const errors = useQuery(ingestQueries.errors());
  const [notice, setNotice] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const retry = useMutation({
    mutationFn: (id: number) => fetchJson<IngestResult>(`/api/ingest/errors/${id}/retry`, { method: "POST" }),
    onSuccess: (result) => setNotice({ kind: "ok", text: `Delivery ${result.deliveryId} ingested as ${result.format}: ${result.stories.length} ${result.stories.length === 1 ? "story" : "stories"}.` }),
    onError: (error: Error, id) => setNotice({ kind: "error", text: `Delivery ${id} still fails: ${error.message}` }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ingestQueries.all() }),
  });

  if (errors.isPending) return <p className="text-slate-500">Loading…</p>;
  if (errors.isError) return <p role="alert" className="text-red-600">{errors.error.message}</p>;
  const rows = errors.data.deliveries;
  return (
    <div className="space-y-3">
      {notice ? (
        <p role={notice.kind === "error" ? "alert" : "status"} className={notice.kind === "error" ? "text-sm text-red-600" : "text-sm text-green-700 dark:text-green-400"}>
          {notice.text}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">No ingest errors: every delivery was parsed.</p>
      ) : (
        <table aria-label="Ingest errors" className="w-full text-left text-sm">
          <thead className="text-xs text-slate-500">
            <tr>
              <th className="py-1">Delivery</th>
              <th>Received</th>
              <th>Channel</th>
              <th>Source</th>
              <th>Format</th>
              <th>Size</th>
              <th>Error</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-200 align-top dark:border-slate-800">
                <td className="py-1 font-mono">{row.id}</td>
                <td>
                  <time dateTime={row.receivedAt}>{new Date(row.receivedAt).toLocaleString()}</time>
                </td>
                <td>{row.channel}</td>
                <td className="max-w-40 truncate" title={row.sourceName ?? undefined}>
                  {row.sourceName ?? "—"}
                </td>
                <td>{row.format ?? "unknown"}</td>
                <td>{formatSize(row.size)}</td>
                <td className="max-w-md break-words">
                  <span className="font-mono text-xs text-slate-500">{row.errorCode}</span> {row.errorMessage}
                </td>
                <td className="whitespace-nowrap text-right">
                  <a href={`/api/ingest/errors/${row.id}/raw`} download aria-label={`Download delivery ${row.id}`} className="mr-2 text-xs text-blue-700 underline dark:text-blue-300">
                    Download
                  </a>
                  <button
                    type="button"
                    aria-label={`Retry delivery ${row.id}`}
                    disabled={retry.isPending && retry.variables === row.id}
                    onClick={() => retry.mutate(row.id)}
                    className="rounded bg-blue-600 px-2 py-0.5 text-xs font-medium text-white disabled:opacity-50"
                  >
                    Retry
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
