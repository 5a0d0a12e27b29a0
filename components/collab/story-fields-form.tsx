"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useImperativeHandle, useMemo, useRef, useState, type FormEvent, type RefObject } from "react";
import type { ErrorBody } from "@/server/contract/error-codes";
import type { StoryDetail } from "@/server/contract/story";
import type { StoryFieldsPatchInput } from "@/server/contract/story-fields";
import { storyQueries } from "../stories/queries";
import { Field, FIELD_CONTROL } from "./field";
import { URGENCY_CHOICES, urgencyChoice } from "../stories/urgency";

interface FieldValues {
  dateline: string;
  urgency: number;
  categories: string;
  keywords: string;
  editorNote: string;
}

function valuesOf(story: StoryDetail): FieldValues {
  return { dateline: story.dateline.text ?? "", urgency: story.urgency, categories: story.categories.join(", "), keywords: story.keywords.join(", "), editorNote: story.editorNote ?? "" };
}

const list = (text: string) => text.split(",").map((t) => t.trim()).filter(Boolean);

const LABELS: Record<keyof FieldValues, string> = { dateline: "Dateline", urgency: "Urgency", categories: "Categories", keywords: "Keywords", editorNote: "Editor's note" };

/** The fields whose values differ (lists compared item by item, so spacing after a comma is no change). */
function changedKeys(from: FieldValues, to: FieldValues): (keyof FieldValues)[] {
  const same = (key: keyof FieldValues) => (key === "categories" || key === "keywords" ? list(from[key]).join("\n") === list(to[key]).join("\n") : from[key] === to[key]);
  return (Object.keys(LABELS) as (keyof FieldValues)[]).filter((key) => !same(key));
}

/** The labels of the fields whose values differ. */
function changedFields(from: FieldValues, to: FieldValues): string[] {
  return changedKeys(from, to).map((key) => LABELS[key]);
}

/**
 * What a refused save says: for each field the editor changed, its value now and theirs, so nothing
 * they typed is lost from sight while the form shows the current values.
 */
function conflictText(message: string, seen: FieldValues, attempted: FieldValues, current: FieldValues): string {
  const show = (value: string | number) => (value === "" ? "empty" : typeof value === "number" ? String(value) : `“${value}”`);
  const parts = changedKeys(seen, attempted).map((key) => `${LABELS[key]} is ${show(current[key])} (yours: ${show(attempted[key])})`);
  return `${message} ${parts.length > 0 ? `${parts.join("; ")}. ` : ""}Your change was not saved: check and save again.`;
}

/** What the editing pane asks of the fields form before it closes. */
export interface StoryFieldsHandle {
  /** The fields changed and not saved, by label (none: nothing would be lost). */
  unsavedFields(): string[];
  /** Puts the focus on Save fields. */
  focusSave(): void;
}
const INPUT = `${FIELD_CONTROL} text-sm`;
const MESSAGE_TONE = { ok: "text-emerald-700 dark:text-emerald-400", info: "text-slate-700 dark:text-slate-300", conflict: "text-red-700 dark:text-red-400", error: "text-red-700 dark:text-red-400" } as const;

/**
 * The fields that are not co-edited (dateline, urgency, categories, keywords, editor's note): saved
 * with `PATCH /api/stories/:id` and the story's `rev`. When someone else saved first, the form
 * shows the current values and says so; nothing is overwritten silently.
 */
export function StoryFieldsForm({ story, canEdit, handleRef }: { story: StoryDetail; canEdit: boolean; handleRef?: RefObject<StoryFieldsHandle | null> }) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(story);
  const [edited, setEdited] = useState<FieldValues | null>(null);
  // Untouched, the form follows the newest copy (a take bumps rev too). Once the editor changes a
  // field, it keeps the rev they saw, so a save after someone else's answers 409, never overwrites;
  // a newer rev that left these fields as they were (a workflow step, the reopen their own typing
  // made) is followed too: a save then overwrites nobody.
  const base = story.rev > saved.rev && (edited === null || changedKeys(valuesOf(saved), valuesOf(story)).length === 0) ? story : saved;
  const values = edited ?? valuesOf(base);
  const setBase = (next: StoryDetail) => {
    setSaved(next);
    setEdited(null);
  };
  const [message, setMessage] = useState<{ tone: "ok" | "info" | "conflict" | "error"; text: string } | null>(null);
  // After a refused save: the values the editor had changed, to put back over the current ones on request.
  const [mine, setMine] = useState<Partial<FieldValues> | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const saveRef = useRef<HTMLButtonElement>(null);
  const unsaved = useMemo(() => (edited === null ? [] : changedFields(valuesOf(base), edited)), [edited, base]);
  useImperativeHandle(handleRef, () => ({ unsavedFields: () => unsaved, focusSave: () => saveRef.current?.focus() }), [unsaved]);
  const isUnsaved = unsaved.length > 0;
  useEffect(() => {
    if (!isUnsaved) return;
    // Closing or reloading the tab, or a link that loads another page, would drop them too: the browser asks.
    // Listening only while something is unsaved keeps the page in the browser's back/forward cache otherwise.
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [isUnsaved]);
  /** Puts the refused values back over the current ones (the rev is now the current one): one Save sends them again. */
  const putMineBack = () => {
    if (!mine) return;
    setSaved(base);
    // Over what the form shows now: a field changed since the refusal keeps its new value.
    setEdited({ ...values, ...mine });
    setMine(null);
    setMessage({ tone: "info", text: "Your values are back in the form: Save fields puts them over the current ones." });
    saveRef.current?.focus();
  };
  const set = <K extends keyof FieldValues>(key: K, value: FieldValues[K]) => {
    if (edited === null) setSaved(base);
    setEdited({ ...values, [key]: value });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (isSaving) return;
    setIsSaving(true);
    const patch: StoryFieldsPatchInput = { rev: base.rev, dateline: values.dateline, urgency: values.urgency, categories: list(values.categories), keywords: list(values.keywords), editorNote: values.editorNote };
    try {
      const response = await fetch(`/api/stories/${encodeURIComponent(story.id)}`, { method: "PATCH", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify(patch) });
      const body = (await response.json().catch(() => null)) as (StoryDetail & Partial<ErrorBody>) | { story: StoryDetail; error: ErrorBody["error"] } | null;
      if (response.status === 409 && body && "story" in body) {
        setBase(body.story);
        queryClient.setQueryData(storyQueries.detail(story.id).queryKey, body.story);
        setMessage({ tone: "conflict", text: conflictText(body.error.message, valuesOf(base), values, valuesOf(body.story)) });
        const theirs = changedKeys(valuesOf(base), values);
        setMine(theirs.length > 0 ? Object.fromEntries(theirs.map((key) => [key, values[key]])) : null);
      } else if (response.ok && body && "id" in body) {
        setMine(null);
        setBase(body);
        queryClient.setQueryData(storyQueries.detail(story.id).queryKey, body);
        setMessage({ tone: "ok", text: "Saved." });
      } else setMessage({ tone: "error", text: body?.error?.message ?? `The server answered ${response.status}.` });
    } catch {
      setMessage({ tone: "error", text: "Not saved: the server cannot be reached." });
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form aria-label="Story fields" onSubmit={(e) => void save(e)} className="grid grid-cols-2 gap-2 border-t border-slate-200 pt-3 text-xs font-medium dark:border-slate-800">
      <Field label="Dateline">
        <input value={values.dateline} dir="auto" readOnly={!canEdit} onChange={(e) => set("dateline", e.target.value)} className={INPUT} />
      </Field>
      <Field label="Urgency">
        <select aria-label="Urgency" value={values.urgency} disabled={!canEdit} onChange={(e) => set("urgency", Number(e.target.value))} className={INPUT}>
          {URGENCY_CHOICES.map((u) => (
            <option key={u} value={u}>
              {urgencyChoice(u)}
            </option>
          ))}
        </select>
      </Field>
      <Field label="Categories">
        <input value={values.categories} dir="auto" readOnly={!canEdit} onChange={(e) => set("categories", e.target.value)} className={INPUT} />
      </Field>
      <Field label="Keywords">
        <input value={values.keywords} dir="auto" readOnly={!canEdit} onChange={(e) => set("keywords", e.target.value)} className={INPUT} />
      </Field>
      <Field label="Editor's note" className="col-span-2">
        <textarea value={values.editorNote} dir="auto" readOnly={!canEdit} rows={2} onChange={(e) => set("editorNote", e.target.value)} className={INPUT} />
      </Field>
      <div className="col-span-2 flex flex-wrap items-center gap-2">
        {/* Busy, not disabled, while saving: a disabled button would drop the keyboard's focus to the page. */}
        <button ref={saveRef} type="submit" disabled={!canEdit} aria-disabled={isSaving} className="shrink-0 whitespace-nowrap rounded bg-indigo-600 px-3 py-1 text-xs font-semibold text-white hover:bg-indigo-700 disabled:opacity-50 aria-disabled:opacity-50">
          Save fields
        </button>
        {mine && canEdit ? (
          <button type="button" onClick={putMineBack} className="shrink-0 whitespace-nowrap rounded border border-slate-300 px-2 py-1 text-xs font-semibold hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
            Put my values back
          </button>
        ) : null}
        {message ? (
          <span role={message.tone === "ok" || message.tone === "info" ? "status" : "alert"} className={`min-w-48 flex-1 ${MESSAGE_TONE[message.tone]}`}>
            {message.text}
          </span>
        ) : null}
      </div>
    </form>
  );
}
