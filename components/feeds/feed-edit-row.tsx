"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import type { FeedDto, FeedPatch } from "@/server/contract/feeds";
import { fetchJson } from "../api/fetch-json";
import { FeedFields, FeedFormError, useFocusOnError } from "./feed-fields";
import { readFeedPatch } from "./feed-form-data";
import { toFieldError, type FieldError, type Notice } from "./feed-format";
import { storeFeed } from "./queries";

/** The row under a feed being edited: name, URL and interval in one form; Enter saves, Escape cancels. */
export function FeedEditRow({ feed, columns, onClose, onNotice }: { feed: FeedDto; columns: number; onClose: () => void; onNotice: (notice: Notice) => void }) {
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<FieldError | null>(null);
  const errorId = useId();
  useFocusOnError(form, error);
  const save = useMutation({
    mutationFn: (patch: FeedPatch) => fetchJson<FeedDto>(`/api/feeds/${encodeURIComponent(feed.id)}`, { method: "PATCH", json: patch }),
    onSuccess: (updated) => {
      storeFeed(queryClient, updated);
      onNotice({ kind: "ok", text: updated.url !== feed.url ? `Saved "${updated.name}"; the new URL is polled now.` : `Saved "${updated.name}".` });
      onClose();
    },
    onError: (e: Error) => setError(toFieldError(e.message)),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readFeedPatch(new FormData(event.currentTarget), feed);
    if (read.error) setError(read.error);
    else if (Object.keys(read.input).length === 0) onClose();
    else save.mutate(read.input);
  };
  return (
    <tr className="bg-slate-50 dark:bg-slate-900">
      <td colSpan={columns} className="px-2 py-2">
        <form
          ref={form}
          method="post"
          noValidate
          onSubmit={submit}
          onKeyDown={(event) => {
            if (event.key !== "Escape") return;
            event.preventDefault();
            onClose();
          }}
          aria-label={`Edit feed ${feed.name}`}
          className="flex flex-wrap items-end gap-x-3 gap-y-2"
        >
          <FeedFields defaults={feed} error={error} errorId={errorId} isFirstFocused />
          <button type="submit" disabled={save.isPending} className="rounded border border-blue-600 bg-blue-600 px-3 py-1 text-sm font-medium text-white disabled:opacity-50">
            Save
          </button>
          <button type="button" onClick={onClose} className="rounded border border-slate-300 px-3 py-1 text-sm dark:border-slate-700">
            Cancel
          </button>
          <FeedFormError error={error} errorId={errorId} />
        </form>
      </td>
    </tr>
  );
}
