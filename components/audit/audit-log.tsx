"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { UserDto } from "@/server/contract/auth";
import { AUDIT_ACTIONS, type AuditPage } from "@/server/contract/audit";
import { fetchJson } from "../api/fetch-json";
import { AuditRows } from "./audit-rows";

const PAGE_SIZE = 50;

function auditLogQuery(actor: string, action: string) {
  return {
    queryKey: ["audit", { actor, action }] as const,
    queryFn: ({ pageParam }: { pageParam: number | null }) => {
      const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (actor) params.set("actor", actor);
      if (action) params.set("action", action);
      if (pageParam) params.set("before", String(pageParam));
      return fetchJson<AuditPage>(`/api/audit?${params.toString()}`);
    },
    initialPageParam: null as number | null,
    getNextPageParam: (last: AuditPage) => last.nextBefore,
  };
}

const SELECT = "h-7 rounded border border-slate-300 bg-white px-1 text-xs dark:border-slate-600 dark:bg-slate-900";

/** Admin: who did what and when, newest first, by person and by action, 50 entries at a time. */
export function AuditLog() {
  const [actor, setActor] = useState("");
  const [action, setAction] = useState("");
  const users = useQuery({ queryKey: ["users"] as const, queryFn: () => fetchJson<{ users: UserDto[] }>("/api/users") });
  const log = useInfiniteQuery(auditLogQuery(actor, action));
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  return (
    <div className="space-y-3">
      <div role="search" aria-label="Audit filters" className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-0.5 text-xs text-slate-500 dark:text-slate-400">
          Person
          <select value={actor} onChange={(e) => setActor(e.target.value)} className={SELECT}>
            <option value="">Everyone</option>
            {users.data?.users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name} ({user.email})
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-0.5 text-xs text-slate-500 dark:text-slate-400">
          Action
          <select value={action} onChange={(e) => setAction(e.target.value)} className={SELECT}>
            <option value="">Every action</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a.replace(/[_.]/g, " ")}
              </option>
            ))}
          </select>
        </label>
      </div>
      {log.isError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {log.error.message}
        </p>
      ) : null}
      {log.isPending ? <p className="text-slate-500">Loading…</p> : entries.length === 0 ? <p className="text-sm text-slate-500 dark:text-slate-400">Nothing recorded for this choice.</p> : <AuditRows entries={entries} />}
      <p role="status" aria-label="Audit log status" className="flex items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
        {entries.length} {entries.length === 1 ? "entry" : "entries"} shown{log.hasNextPage ? ", older ones below" : ""}
        {log.hasNextPage ? (
          <button type="button" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()} className="rounded border border-slate-300 px-2 py-0.5 text-slate-800 dark:border-slate-600 dark:text-slate-200">
            {log.isFetchingNextPage ? "Loading…" : "Show older entries"}
          </button>
        ) : null}
      </p>
    </div>
  );
}
