"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { DeskDto } from "@/server/contract/desk";
import { fetchJson } from "../api/fetch-json";
import { desksQuery } from "../header/queries";
import { DeskForm, type DeskFormValue } from "./desk-form";
import { DeskItem } from "./desk-item";

/** Admin: the desks in routing order with their rules; add, edit and delete them. */
export function DesksAdmin() {
  const queryClient = useQueryClient();
  const desks = useQuery(desksQuery);
  const [notice, setNotice] = useState<{ kind: "error" | "info"; text: string } | null>(null);
  const onNotice = (kind: "error" | "info", text: string) => setNotice({ kind, text });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: desksQuery.queryKey });
  const create = useMutation({ mutationFn: (value: DeskFormValue) => fetchJson<DeskDto>("/api/desks", { method: "POST", json: value }) });
  const add = async (value: DeskFormValue) => {
    try {
      await create.mutateAsync(value);
      onNotice("info", `Added the desk ${value.name}.`);
      refresh();
      return true;
    } catch (error) {
      onNotice("error", error instanceof Error ? error.message : "Could not add the desk.");
      return false;
    }
  };
  return (
    <div className="space-y-4">
      {notice ? (
        <p role={notice.kind === "error" ? "alert" : "status"} className={`text-sm ${notice.kind === "error" ? "text-red-700 dark:text-red-400" : "text-green-700 dark:text-green-400"}`}>
          {notice.text}
        </p>
      ) : null}
      {desks.isPending ? <p className="text-slate-500">Loading…</p> : null}
      {desks.isError ? <p role="alert" className="text-red-600">{desks.error.message}</p> : null}
      {desks.data?.desks.length === 0 ? <p className="text-sm text-slate-500 dark:text-slate-400">No desks yet: every story stays on the general queue. Add one below.</p> : null}
      <ol aria-label="Desks" className="space-y-2">
        {desks.data?.desks.map((desk, i) => <DeskItem key={desk.id} desk={desk} position={i + 1} onChanged={refresh} onNotice={onNotice} />)}
      </ol>
      <section aria-label="Add a desk" className="rounded border border-dashed border-slate-300 p-3 dark:border-slate-700">
        <h2 className="mb-2 text-sm font-semibold">Add a desk</h2>
        <DeskForm label="Add a desk" submitText="Add desk" isBusy={create.isPending} onSubmit={add} />
      </section>
    </div>
  );
}
