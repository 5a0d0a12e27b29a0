"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { DeskDto } from "@/server/contract/desk";
import { fetchJson } from "../api/fetch-json";
import { DeskForm, type DeskFormValue } from "./desk-form";
import { describeRule, ruleToDraft } from "./rule-fields";

const SMALL = "rounded px-2 py-0.5 text-xs";

interface DeskItemProps {
  desk: DeskDto;
  position: number;
  onChanged: () => void;
  onNotice: (kind: "error" | "info", text: string) => void;
  /** Moves the desk one place up or down in routing order; null where it cannot go (first, last). */
  onMoveUp: (() => void) | null;
  onMoveDown: (() => void) | null;
}

/** One desk: its rules in words, its place in routing order, Edit (in place) and Delete (after a confirmation). */
export function DeskItem({ desk, position, onChanged, onNotice, onMoveUp, onMoveDown }: DeskItemProps) {
  const [mode, setMode] = useState<"view" | "edit" | "confirm">("view");
  const update = useMutation({ mutationFn: (value: DeskFormValue) => fetchJson<DeskDto>(`/api/desks/${desk.id}`, { method: "PATCH", json: value }) });
  const remove = useMutation({
    mutationFn: () => fetchJson<void>(`/api/desks/${desk.id}`, { method: "DELETE" }),
    onSuccess: () => {
      onNotice("info", `Deleted the desk ${desk.name}. Its stories keep their desk until they are routed again.`);
      onChanged();
    },
    onError: (error) => onNotice("error", error.message),
  });
  const save = async (value: DeskFormValue) => {
    try {
      await update.mutateAsync(value);
      onNotice("info", `Saved the desk ${value.name}.`);
      setMode("view");
      onChanged();
      return true;
    } catch (error) {
      onNotice("error", error instanceof Error ? error.message : "Could not save the desk.");
      return false;
    }
  };
  if (mode === "edit") {
    return (
      <li className="rounded border border-blue-300 p-3 dark:border-blue-800">
        <DeskForm label={`Edit ${desk.name}`} submitText="Save" initialName={desk.name} initialRules={desk.rules.map(ruleToDraft)} isBusy={update.isPending} onSubmit={save} onCancel={() => setMode("view")} />
      </li>
    );
  }
  return (
    <li aria-label={desk.name} className="flex flex-wrap items-start gap-x-3 gap-y-1 rounded border border-slate-200 p-3 dark:border-slate-700">
      <span className="w-6 text-right text-xs tabular-nums text-slate-500" title="Routing order">
        {position}.
      </span>
      <div className="min-w-0 flex-1">
        <p className="font-semibold">{desk.name}</p>
        <ul aria-label={`Rules of ${desk.name}`} className="text-xs text-slate-600 dark:text-slate-300">
          {desk.rules.length === 0 ? <li className="text-slate-500">No rules: stories reach it only by hand.</li> : desk.rules.map((rule, i) => <li key={i}>{describeRule(rule)}</li>)}
        </ul>
      </div>
      {mode === "confirm" ? (
        <div role="group" aria-label={`Delete ${desk.name}?`} onKeyDown={(e) => e.key === "Escape" && setMode("view")} className="flex items-center gap-1.5">
          <span className="text-xs">Delete this desk?</span>
          <button type="button" disabled={remove.isPending} onClick={() => remove.mutate()} className={`${SMALL} bg-red-600 text-white`}>
            Yes, delete
          </button>
          <button type="button" autoFocus onClick={() => setMode("view")} className={`${SMALL} border border-slate-300 dark:border-slate-600`}>
            Keep it
          </button>
        </div>
      ) : (
        <div className="flex gap-1">
          <button type="button" disabled={!onMoveUp} onClick={() => onMoveUp?.()} aria-label={`Move ${desk.name} up`} title="Earlier in routing order" className={`${SMALL} border border-slate-300 disabled:opacity-40 dark:border-slate-600`}>
            ↑
          </button>
          <button type="button" disabled={!onMoveDown} onClick={() => onMoveDown?.()} aria-label={`Move ${desk.name} down`} title="Later in routing order" className={`${SMALL} border border-slate-300 disabled:opacity-40 dark:border-slate-600`}>
            ↓
          </button>
          <button type="button" onClick={() => setMode("edit")} aria-label={`Edit ${desk.name}`} className={`${SMALL} border border-slate-300 dark:border-slate-600`}>
            Edit
          </button>
          <button type="button" onClick={() => setMode("confirm")} aria-label={`Delete ${desk.name}`} className={`${SMALL} text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950`}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}
