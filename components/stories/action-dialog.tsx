"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { ACTION_FIELDS, type ActionBody, type WorkflowAction } from "@/server/contract/workflow";

/** What the dialog asks for: the action, and how many stories it applies to. */
export interface ActionRequest {
  action: WorkflowAction;
  count: number;
}

/** The answer: the action's own field, or null when cancelled. */
export type ActionExtra = Omit<ActionBody, "rev">;

const COPY = {
  note: { verb: "Correct", label: "Correction note", hint: "Shown to readers on the story page, in the feeds and the API.", empty: "Write the note readers will see." },
  reason: { verb: "Kill", label: "Reason for the kill", hint: "Withdraws the story from the public site, the feeds and the API; webhooks receive the kill.", empty: "Give a reason for the kill." },
  at: { verb: "Schedule", label: "Publish at", hint: "Your local time. The story goes out then, also if the server restarts in between.", empty: "Pick a date and time." },
} as const;

/** `YYYY-MM-DDTHH:mm` in local time, as a datetime-local field wants it. */
function localInputValue(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/** Turns the field's text into the action's body, or a reason it cannot be sent. */
function toExtra(field: "note" | "reason" | "at", value: string): { extra: ActionExtra } | { error: string } {
  const text = value.trim();
  if (!text) return { error: COPY[field].empty };
  if (field !== "at") return { extra: { [field]: text } };
  const at = new Date(text); // datetime-local values parse as local time
  if (Number.isNaN(at.getTime())) return { error: COPY.at.empty };
  if (at.getTime() <= Date.now()) return { error: "Pick a time in the future." };
  return { extra: { at: at.toISOString() } };
}

/**
 * The modal that asks what correct (a note), kill (a reason) and schedule (a time) need: a labelled
 * field, Enter confirms, Escape or Cancel closes, and focus goes back where it was.
 */
export function ActionDialog({ request, onDone }: { request: ActionRequest | null; onDone: (extra: ActionExtra | null) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const ids = { title: useId(), hint: useId(), error: useId(), field: useId() };
  const field = request ? ACTION_FIELDS[request.action] : undefined;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !request || !field) return;
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setValue(field === "at" ? localInputValue(Date.now() + 60 * 60_000) : "");
    setError(null);
    if (!dialog.open) dialog.showModal();
    fieldRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      returnTo.current?.focus();
    };
  }, [request, field]);

  if (!request || !field) return <dialog ref={ref} hidden />;
  const copy = COPY[field];
  const what = request.count === 1 ? "the story" : `${request.count} stories`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const outcome = toExtra(field, value);
    if ("error" in outcome) {
      setError(outcome.error);
      fieldRef.current?.focus();
      return;
    }
    onDone(outcome.extra);
  };
  const inputClass = "mt-1 w-full rounded border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-950 aria-[invalid=true]:border-red-600";
  return (
    <dialog
      ref={ref}
      aria-labelledby={ids.title}
      onCancel={(event) => {
        event.preventDefault(); // Escape: close through React so focus goes back
        onDone(null);
      }}
      onClick={(event) => {
        if (event.target === ref.current) onDone(null); // a click on the backdrop
      }}
      className="m-auto w-[30rem] max-w-[95vw] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <form onSubmit={submit} noValidate className="p-4">
        <h2 id={ids.title} className="text-base font-semibold">
          {copy.verb} {what}
        </h2>
        <label htmlFor={ids.field} className="mt-3 block text-sm font-medium">
          {copy.label}
        </label>
        <input
          ref={fieldRef}
          id={ids.field}
          type={field === "at" ? "datetime-local" : "text"}
          value={value}
          maxLength={2000}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${ids.error} ${ids.hint}` : ids.hint}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
          className={inputClass}
        />
        {error ? (
          <p id={ids.error} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
        <p id={ids.hint} className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          {copy.hint}
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" onClick={() => onDone(null)} className="rounded px-3 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
            Cancel
          </button>
          <button type="submit" className={`rounded px-3 py-1 text-sm font-medium text-white ${field === "reason" ? "bg-red-700 hover:bg-red-800" : "bg-slate-900 hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-white"}`}>
            {copy.verb}
          </button>
        </div>
      </form>
    </dialog>
  );
}
