"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { ErrorBody } from "@/server/contract/error-codes";
import type { StoryDetail } from "@/server/contract/story";
import type { StoryFieldsPatchInput } from "@/server/contract/story-fields";
import { storyQueries } from "../stories/queries";
import { Field, FIELD_CONTROL } from "./field";

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
const INPUT = `${FIELD_CONTROL} text-sm`;

/**
 * The fields that are not co-edited (dateline, urgency, categories, keywords, editor's note): saved
 * with `PATCH /api/stories/:id` and the story's `rev`. When someone else saved first, the form
 * shows the current values and says so; nothing is overwritten silently.
 */
export function StoryFieldsForm({ story, canEdit }: { story: StoryDetail; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(story);
  const [edited, setEdited] = useState<FieldValues | null>(null);
  // Untouched, the form follows the newest copy (a take bumps rev too). Once the editor changes a
  // field, it keeps the rev they saw, so a save after someone else's answers 409, never overwrites.
  const base = edited === null && story.rev > saved.rev ? story : saved;
  const values = edited ?? valuesOf(base);
  const setBase = (next: StoryDetail) => {
    setSaved(next);
    setEdited(null);
  };
  const [message, setMessage] = useState<{ tone: "ok" | "conflict" | "error"; text: string } | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const set = <K extends keyof FieldValues>(key: K, value: FieldValues[K]) => {
    if (edited === null) setSaved(base);
    setEdited({ ...values, [key]: value });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setIsSaving(true);
    const patch: StoryFieldsPatchInput = { rev: base.rev, dateline: values.dateline, urgency: values.urgency, categories: list(values.categories), keywords: list(values.keywords), editorNote: values.editorNote };
    try {
      const response = await fetch(`/api/stories/${encodeURIComponent(story.id)}`, { method: "PATCH", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify(patch) });
      const body = (await response.json().catch(() => null)) as (StoryDetail & Partial<ErrorBody>) | { story: StoryDetail; error: ErrorBody["error"] } | null;
      if (response.status === 409 && body && "story" in body) {
        setBase(body.story);
        queryClient.setQueryData(storyQueries.detail(story.id).queryKey, body.story);
        setMessage({ tone: "conflict", text: `${body.error.message} Urgency is ${body.story.urgency}; your change was not saved.` });
      } else if (response.ok && body && "id" in body) {
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
          {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((u) => (
            <option key={u} value={u}>
              {u}
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
      <div className="col-span-2 flex items-center gap-2">
        <button type="submit" disabled={!canEdit || isSaving} className="rounded bg-indigo-600 px-3 py-1 text-xs font-semibold text-white hover:bg-indigo-700 disabled:opacity-50">
          Save fields
        </button>
        {message ? (
          <span role={message.tone === "ok" ? "status" : "alert"} className={message.tone === "ok" ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}>
            {message.text}
          </span>
        ) : null}
      </div>
    </form>
  );
}
