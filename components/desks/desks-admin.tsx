"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
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
  const reorder = useMutation({ mutationFn: (deskIds: string[]) => fetchJson<{ desks: DeskDto[] }>("/api/desks/order", { method: "PUT", json: { deskIds } }) });
  // The move button pressed keeps the focus as its desk changes place, so an admin can press it again.
  // The buttons stay enabled while a move is saved (a second press meanwhile is ignored), so the focus
  // never drops to the page; a desk moved down is a DOM node moved, which loses it: it is given back.
  const [focusAfterMove, setFocusAfterMove] = useState<string | null>(null);
  useEffect(() => {
    if (!focusAfterMove) return;
    const button = document.querySelector<HTMLButtonElement>(`button[aria-label="${CSS.escape(focusAfterMove)}"]:not(:disabled)`);
    if (document.activeElement !== button) (button ?? document.querySelector<HTMLElement>("ol[aria-label='Desks']"))?.focus();
  }, [focusAfterMove, desks.data]);
  const move = async (index: number, delta: -1 | 1) => {
    if (reorder.isPending) return;
    const list = desks.data?.desks ?? [];
    const target = index + delta;
    if (target < 0 || target >= list.length) return;
    const order = list.map((d) => d.id);
    [order[index], order[target]] = [order[target]!, order[index]!];
    const desk = list[index]!;
    try {
      const { desks: reordered } = await reorder.mutateAsync(order);
      queryClient.setQueryData(desksQuery.queryKey, { desks: reordered });
      onNotice("info", `Moved ${desk.name} ${delta < 0 ? "up" : "down"}: it is now desk ${target + 1} of ${list.length} in routing order.`);
      setFocusAfterMove(`Move ${desk.name} ${delta < 0 ? "up" : "down"}`);
    } catch (error) {
      onNotice("error", error instanceof Error ? error.message : "Could not change the order.");
      refresh(); // a stale order: show the desks as they are now
    }
  };
  return (
    <div className="space-y-4">
      <p className="text-xs text-slate-600 dark:text-slate-300">The first desk, in this order, with a rule that matches a new story takes it. Move a desk up to give its rules priority.</p>
      {notice ? (
        <p role={notice.kind === "error" ? "alert" : "status"} className={`text-sm ${notice.kind === "error" ? "text-red-700 dark:text-red-400" : "text-green-700 dark:text-green-400"}`}>
          {notice.text}
        </p>
      ) : null}
      {desks.isPending ? <p className="text-slate-500">Loading…</p> : null}
      {desks.isError ? <p role="alert" className="text-red-600">{desks.error.message}</p> : null}
      {desks.data?.desks.length === 0 ? <p className="text-sm text-slate-500 dark:text-slate-400">No desks yet: every story stays on the general queue. Add one below.</p> : null}
      <ol aria-label="Desks" tabIndex={-1} className="space-y-2">
        {desks.data?.desks.map((desk, i, all) => (
          <DeskItem key={desk.id} desk={desk} position={i + 1} onChanged={refresh} onNotice={onNotice} onMoveUp={i > 0 ? () => void move(i, -1) : null} onMoveDown={i < all.length - 1 ? () => void move(i, 1) : null} />
        ))}
      </ol>
      <section aria-label="Add a desk" className="rounded border border-dashed border-slate-300 p-3 dark:border-slate-700">
        <h2 className="mb-2 text-sm font-semibold">Add a desk</h2>
        <DeskForm label="Add a desk" submitText="Add desk" isBusy={create.isPending} onSubmit={add} />
      </section>
    </div>
  );
}
