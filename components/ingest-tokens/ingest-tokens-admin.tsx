"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { CreatedIngestToken, IngestTokenDto } from "@/server/contract/ingest-token";
import { fetchJson } from "../api/fetch-json";
import { TokenRow } from "./token-row";

const tokensQuery = { queryKey: ["ingest-tokens"] as const, queryFn: () => fetchJson<{ tokens: IngestTokenDto[] }>("/api/ingest-tokens") };

/** Admin: tokens that may post wire copy to the ingest API; the secret is shown once, when made. */
export function IngestTokensAdmin() {
  const queryClient = useQueryClient();
  const tokens = useQuery(tokensQuery);
  const [name, setName] = useState("");
  const [created, setCreated] = useState<CreatedIngestToken | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: tokensQuery.queryKey });
  const create = useMutation({
    mutationFn: () => fetchJson<CreatedIngestToken>("/api/ingest-tokens", { method: "POST", json: { name } }),
    onSuccess: (token) => {
      setCreated(token);
      setName("");
      setError(null);
      refresh();
    },
    onError: (e) => setError(e.message),
  });
  const revoke = useMutation({ mutationFn: (id: string) => fetchJson<void>(`/api/ingest-tokens/${id}`, { method: "DELETE" }), onSettled: refresh, onError: (e) => setError(e.message) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    create.mutate();
  };
  return (
    <div className="space-y-4">
      <form onSubmit={submit} aria-label="Create an ingest token" className="flex flex-wrap items-end gap-2 text-sm">
        <label className="flex flex-col gap-0.5">
          <span className="text-xs text-slate-500 dark:text-slate-400">Token name (who sends with it)</span>
          <input required value={name} onChange={(e) => setName(e.target.value)} maxLength={80} placeholder="Agency gateway" className="w-72 max-w-full rounded border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-600" />
        </label>
        <button type="submit" disabled={create.isPending} className="rounded bg-slate-800 px-3 py-1 font-semibold text-white hover:bg-slate-700 disabled:opacity-50 dark:bg-slate-200 dark:text-slate-900">
          Create token
        </button>
      </form>
      {created ? (
        <div role="status" aria-label="New token" className="space-y-1 rounded border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/40">
          <p>
            The secret of <strong>{created.name}</strong>, shown this once: copy it now, it cannot be shown again.
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <code aria-label="Token secret" className="break-all rounded bg-white px-2 py-1 font-mono text-xs dark:bg-slate-900">
              {created.token}
            </code>
            <button type="button" onClick={() => void navigator.clipboard?.writeText(created.token)} className="rounded border border-slate-300 px-2 py-0.5 text-xs dark:border-slate-600">
              Copy
            </button>
            <button type="button" onClick={() => setCreated(null)} className="rounded px-2 py-0.5 text-xs hover:bg-amber-100 dark:hover:bg-amber-900">
              Done
            </button>
          </div>
          <p className="text-xs text-slate-600 dark:text-slate-300">
            Senders use it as <code>Authorization: Bearer &lt;secret&gt;</code> on <code>POST /api/ingest</code>.
          </p>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      {tokens.isPending ? <p className="text-slate-500">Loading…</p> : null}
      {tokens.data?.tokens.length === 0 ? <p className="text-sm text-slate-500 dark:text-slate-400">No tokens yet: create one above for each sender.</p> : null}
      {tokens.data && tokens.data.tokens.length > 0 ? (
        <div className="relative overflow-x-auto">
          <table aria-label="Ingest tokens" className="w-full text-left text-sm">
            <thead className="text-xs text-slate-500 dark:text-slate-400">
              <tr className="*:py-1 *:pr-3 *:font-medium">
                <th scope="col">Name</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.tokens.map((token) => (
                <TokenRow key={token.id} token={token} isBusy={revoke.isPending} onRevoke={() => revoke.mutate(token.id)} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
