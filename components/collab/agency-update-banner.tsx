"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { StoryDetail } from "@/server/contract/story";
import { DiffParts } from "../stories/diff-text";
import { versionQueries } from "../stories/version-queries";
import { deskCopyQueries } from "./desk-copy-queries";

/**
 * Shown while the agency has sent a version newer than the one the desk copy started from: what the
 * agency changed (word diff between its two versions) and "Bring in", which merges those changes into
 * the co-edited text (co-editors see them arrive like typing). The desk copy is never overwritten.
 */
export function AgencyUpdateBanner({ story, canEdit }: { story: StoryDetail; canEdit: boolean }) {
  const queryClient = useQueryClient();
  const versions = useQuery(deskCopyQueries.versions(story.id));
  const from = versions.data?.baseAgencyVersion ?? null;
  const to = story.agencyVersion;
  const diff = useQuery({ ...versionQueries.diff(story.id, from ?? 0, to), enabled: from !== null && from !== to });
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  if (story.agencyUpdateVersion === null) return null;

  const bringIn = async () => {
    setState({ busy: true, error: null });
    try {
      await deskCopyQueries.bringIn(story.id);
      await queryClient.invalidateQueries({ queryKey: ["stories", "desk-versions", story.id] });
      setState({ busy: false, error: null });
    } catch (caught) {
      setState({ busy: false, error: caught instanceof Error ? caught.message : "Not brought in." });
    }
  };
  return (
    <section aria-label="Agency update" className="mb-3 rounded border border-sky-300 bg-sky-50 p-2 text-xs dark:border-sky-700 dark:bg-sky-950">
      <div className="flex flex-wrap items-center gap-2">
        <p className="font-semibold">
          The agency sent version {story.agencyUpdateVersion}
          {from !== null ? ` (this copy started from version ${from})` : ""}. Your text is unchanged.
        </p>
        {canEdit ? (
          <button type="button" disabled={state.busy} onClick={() => void bringIn()} className="ml-auto rounded bg-sky-700 px-2 py-0.5 font-semibold text-white hover:bg-sky-800 disabled:opacity-50">
            Bring in agency changes
          </button>
        ) : null}
      </div>
      {state.error ? <p role="alert" className="mt-1 text-red-700 dark:text-red-400">{state.error}</p> : null}
      {diff.data ? (
        <div className="mt-1 max-h-48 overflow-auto rounded bg-white p-1.5 dark:bg-slate-900">
          <DiffParts diff={diff.data} subject="Agency" bodyClassName="" gap="" />
        </div>
      ) : diff.isError ? (
        <p role="alert" className="mt-1">{diff.error.message}</p>
      ) : null}
    </section>
  );
}
