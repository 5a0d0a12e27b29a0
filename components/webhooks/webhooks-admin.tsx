"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { WebhookDeliveryDto, WebhookDto } from "@/server/contract/webhooks";
import { fetchJson } from "../api/fetch-json";

const LOG_REFRESH_MS = 5_000;

function DeliveryLog({ hook }: { hook: WebhookDto }) {
  const log = useQuery({ queryKey: ["webhooks", hook.id, "deliveries"], queryFn: () => fetchJson<{ deliveries: WebhookDeliveryDto[] }>(`/api/webhooks/${hook.id}/deliveries`), refetchInterval: LOG_REFRESH_MS });
  if (log.isPending) return <p className="text-xs text-slate-500">Loading…</p>;
  if (log.isError) return <p role="alert" className="text-xs text-red-600">{log.error.message}</p>;
  if (log.data.deliveries.length === 0) return <p className="text-xs text-slate-500 dark:text-slate-400">Nothing sent yet.</p>;
  return (
    <div className="overflow-x-auto">
    <table aria-label={`Deliveries to ${hook.url}`} className="w-full min-w-[36rem] text-left text-xs">
      <thead className="text-slate-500 dark:text-slate-400">
        <tr className="*:py-0.5 *:pr-3 *:font-medium">
          <th scope="col">Event</th>
          <th scope="col">Story</th>
          <th scope="col">Status</th>
          <th scope="col">Attempts</th>
          <th scope="col">Last answer</th>
          <th scope="col">Queued</th>
        </tr>
      </thead>
      <tbody>
        {log.data.deliveries.map((d) => (
          <tr key={d.id} className="*:py-0.5 *:pr-3">
            <td>{d.event}</td>
            <td className="font-mono">{d.storyId}</td>
            <td className={d.status === "failed" ? "text-red-600 dark:text-red-400" : d.status === "pending" ? "text-amber-700 dark:text-amber-300" : "text-green-700 dark:text-green-400"}>
              {d.status}
              {d.status === "pending" && d.attempts > 0 ? ` (next ${new Date(d.nextAttemptAt).toLocaleTimeString()})` : ""}
            </td>
            <td className="tabular-nums">{d.attempts}</td>
            <td>{d.lastError ?? d.lastStatus ?? "—"}</td>
            <td>{new Date(d.createdAt).toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}

/** Admin: register endpoints, switch them on and off, remove them, and read each one's delivery log. */
export function WebhooksAdmin() {
  const queryClient = useQueryClient();
  const hooks = useQuery({ queryKey: ["webhooks"], queryFn: () => fetchJson<{ webhooks: WebhookDto[] }>("/api/webhooks") });
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [notice, setNotice] = useState<{ kind: "error" | "info"; text: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["webhooks"] });
  const create = useMutation({
    mutationFn: () => fetchJson<WebhookDto>("/api/webhooks", { method: "POST", json: { url, description: description || undefined } }),
    onSuccess: (hook) => {
      setNotice({ kind: "info", text: `Added. Its signing secret, shown this once: ${hook.secret}` });
      setUrl("");
      setDescription("");
      void refresh();
    },
    onError: (error) => setNotice({ kind: "error", text: error.message }),
  });
  const toggle = useMutation({ mutationFn: (hook: WebhookDto) => fetchJson<WebhookDto>(`/api/webhooks/${hook.id}`, { method: "PATCH", json: { enabled: !hook.enabled } }), onSettled: refresh });
  const remove = useMutation({ mutationFn: (hook: WebhookDto) => fetchJson<void>(`/api/webhooks/${hook.id}`, { method: "DELETE" }), onSettled: refresh });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <div className="space-y-4">
      <form onSubmit={submit} aria-label="Add a webhook" className="flex flex-wrap items-end gap-2 text-sm">
        <label className="flex w-full flex-col gap-0.5 sm:w-96">
          <span className="text-xs text-slate-500 dark:text-slate-400">Endpoint URL</span>
          <input required type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.org/hooks/wiredesk" className="w-full rounded border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-600" />
        </label>
        <label className="flex w-full flex-col gap-0.5 sm:w-64">
          <span className="text-xs text-slate-500 dark:text-slate-400">Description</span>
          <input value={description} onChange={(e) => setDescription(e.target.value)} maxLength={200} className="w-full rounded border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-600" />
        </label>
        <button type="submit" disabled={create.isPending} className="rounded bg-slate-800 px-3 py-1 font-semibold text-white hover:bg-slate-700 disabled:opacity-50 dark:bg-slate-200 dark:text-slate-900">
          Add webhook
        </button>
      </form>
      {notice ? (
        <p role={notice.kind === "error" ? "alert" : "status"} className={`break-all text-sm ${notice.kind === "error" ? "text-red-700 dark:text-red-400" : "text-green-700 dark:text-green-400"}`}>
          {notice.text}
        </p>
      ) : null}
      {hooks.isPending ? <p className="text-slate-500">Loading…</p> : null}
      {hooks.isError ? <p role="alert" className="text-red-600">{hooks.error.message}</p> : null}
      {hooks.data?.webhooks.length === 0 ? <p className="text-sm text-slate-500 dark:text-slate-400">No webhooks yet: add one above.</p> : null}
      <ul aria-label="Webhooks" className="space-y-3">
        {hooks.data?.webhooks.map((hook) => (
          <li key={hook.id} className="rounded border border-slate-200 p-3 dark:border-slate-700">
            <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
              <span className="font-mono break-all">{hook.url}</span>
              {hook.description ? <span className="text-slate-500 dark:text-slate-400">{hook.description}</span> : null}
              <span className={hook.enabled ? "text-green-700 dark:text-green-400" : "text-slate-500"}>{hook.enabled ? "enabled" : "disabled"}</span>
              <button type="button" onClick={() => toggle.mutate(hook)} className="ml-auto rounded border border-slate-300 px-2 py-0.5 text-xs dark:border-slate-600">
                {hook.enabled ? "Disable" : "Enable"}
              </button>
              <button type="button" onClick={() => remove.mutate(hook)} aria-label={`Remove ${hook.url}`} className="rounded border border-red-300 px-2 py-0.5 text-xs text-red-700 dark:border-red-800 dark:text-red-400">
                Remove
              </button>
            </div>
            <DeliveryLog hook={hook} />
          </li>
        ))}
      </ul>
    </div>
  );
}
