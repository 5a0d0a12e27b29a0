"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useMemo, useState } from "react";
import type { DeskDiffSide } from "@/server/contract/desk-copy";
import { isDeskStory } from "@/server/contract/new-story";
import type { StoryDetail } from "@/server/contract/story";
import { clockTime } from "@/server/contract/clock";
import { SideBySideDiff } from "../stories/diff-text";
import { useDeskTimeZone } from "../ui/desk-time-zone";
import { TimeAgo } from "../ui/time-ago";
import { deskCopyQueries } from "./desk-copy-queries";
import { versionEdits, versionNames, versionTitle } from "./version-label";

/**
 * The desk copy's history: every kept version (each workflow step, every few minutes of editing,
 * restores, agency updates) with its step and who made it, when, and who edited since the version
 * before. Any two texts side by side with their word diff: the version picked in the list (or the
 * agency's original) on the left, and on the right the one chosen under "Compare with" (the current
 * copy unless the editor picks another). "Restore" makes the left version the text again as a new
 * change that every open editor follows.
 */
export function HistoryPanel({ story, canEdit }: { story: StoryDetail; canEdit: boolean }) {
  const headingId = useId();
  const timeZone = useDeskTimeZone();
  const queryClient = useQueryClient();
  const versions = useQuery(deskCopyQueries.versions(story.id));
  const list = versions.data?.versions ?? [];
  const [picked, setPicked] = useState<DeskDiffSide | null>(null);
  const [against, setAgainst] = useState<DeskDiffSide>("current");
  const chosen: DeskDiffSide = picked ?? list.at(-1)?.id ?? "agency";
  const diff = useQuery(deskCopyQueries.diff(story.id, chosen, against, story.updatedAt));
  const originTitle = isDeskStory(story) ? "Its first text" : "Agency's original";
  const names = useMemo(() => versionNames(versions.data?.versions ?? [], timeZone), [versions.data, timeZone]);
  const sideTitle = (side: DeskDiffSide) => {
    if (side === "current") return "Current copy";
    if (side === "agency") return originTitle;
    return names.get(side) ?? `Version ${side}`;
  };
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  const restore = async (versionId: number) => {
    setMessage(null);
    try {
      await deskCopyQueries.restore(story.id, versionId);
      await queryClient.invalidateQueries({ queryKey: ["stories", "desk-versions", story.id] });
      setMessage({ tone: "ok", text: "Restored as a new change." });
    } catch (caught) {
      setMessage({ tone: "error", text: caught instanceof Error ? caught.message : "Not restored." });
    }
  };
  const option = "w-full rounded px-1.5 py-1 text-left hover:bg-slate-100 aria-[current=true]:bg-indigo-100 dark:hover:bg-slate-800 dark:aria-[current=true]:bg-indigo-950";
  return (
    <section aria-labelledby={headingId} className="@container mb-3 rounded border border-slate-200 p-2 text-xs dark:border-slate-700">
      <div className="grid gap-2 @2xl:grid-cols-[11rem_1fr]">
        <div>
          <h3 id={headingId} className="mb-1 font-semibold">
            History
          </h3>
          <ul aria-label="Versions" className="grid max-h-40 gap-0.5 overflow-auto @2xl:max-h-96">
            <li>
              <button type="button" aria-current={chosen === "agency"} onClick={() => setPicked("agency")} className={option}>
                {originTitle}
              </button>
            </li>
            {[...list].reverse().map((version) => (
              <li key={version.id}>
                <button type="button" aria-current={chosen === version.id} onClick={() => setPicked(version.id)} className={option}>
                  <span className="block font-medium">{versionTitle(version)}</span>
                  <span className="block text-slate-500 dark:text-slate-400">
                    <time dateTime={version.at}>{clockTime(version.at, timeZone)}</time> · <TimeAgo iso={version.at} /> ago
                  </span>
                  {versionEdits(version) ? <span className="block text-slate-500 dark:text-slate-400">{versionEdits(version)}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        </div>
        <div className="min-w-0">
          <div className="mb-1 flex flex-wrap items-center gap-2">
            <label className="flex min-w-0 max-w-full items-center gap-1">
              <span className="whitespace-nowrap text-slate-500 dark:text-slate-400">Compare with</span>
              <select value={String(against)} onChange={(event) => setAgainst(pickedSide(event.target.value))} className="min-w-0 max-w-64 rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-900">
                <option value="current">Current copy</option>
                <option value="agency">{originTitle}</option>
                {[...list].reverse().map((version) => (
                  <option key={version.id} value={version.id}>
                    {sideTitle(version.id)}
                  </option>
                ))}
              </select>
            </label>
            <span className="text-slate-500 dark:text-slate-400">
              <del className="bg-red-100 px-0.5 dark:bg-red-950">taken out</del> <ins className="bg-green-100 px-0.5 dark:bg-green-950">put in</ins>
            </span>
            {canEdit && typeof chosen === "number" ? (
              <button type="button" onClick={() => void restore(chosen)} className="ml-auto whitespace-nowrap rounded border border-slate-300 px-2 py-0.5 font-semibold hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
                Restore this version
              </button>
            ) : null}
          </div>
          {message ? (
            <p role={message.tone === "ok" ? "status" : "alert"} className={message.tone === "ok" ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}>
              {message.text}
            </p>
          ) : null}
          {diff.data ? (
            <div aria-live="polite" className="max-h-96 overflow-auto">
              <SideBySideDiff diff={diff.data} before={sideTitle(chosen)} after={sideTitle(against)} />
            </div>
          ) : diff.isError ? (
            <p role="alert" className="text-red-700 dark:text-red-400">{diff.error.message}</p>
          ) : (
            <p className="text-slate-500">Loading…</p>
          )}
        </div>
      </div>
    </section>
  );
}

const pickedSide = (value: string): DeskDiffSide => (value === "current" || value === "agency" ? value : Number(value));
