"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState, type FormEvent } from "react";
import type { FeedDto, FeedInput } from "@/server/contract/feeds";
import { fetchJson } from "../api/fetch-json";
import { FeedFields, FeedFormError, useFocusOnError } from "./feed-fields";
import { readFeedInput } from "./feed-form-data";
import { toFieldError, type FieldError, type Notice } from "./feed-format";
import { storeFeed } from "./queries";

/** The form that adds a pull feed; the server's validation message appears under it, at the field it names. */
export function AddFeedForm({ onNotice }: { onNotice: (notice: Notice) => void }) {
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<FieldError | null>(null);
  const errorId = useId();
  useFocusOnError(form, error);
  const create = useMutation({
    mutationFn: (input: FeedInput) => fetchJson<FeedDto>("/api/feeds", { method: "POST", json: input }),
    onSuccess: (feed) => {
      setError(null);
      storeFeed(queryClient, feed);
      form.current?.reset();
      (form.current?.elements.namedItem("name") as HTMLInputElement | null)?.focus(); // ready for the next one
      onNotice({ kind: "ok", text: feed.enabled ? `Added "${feed.name}"; its first poll starts now.` : `Added "${feed.name}", disabled: Poll now tries it once.` });
    },
    onError: (e: Error) => setError(toFieldError(e.message)),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const read = readFeedInput(new FormData(event.currentTarget));
    if (read.error) setError(read.error);
    else create.mutate(read.input);
  };
  return (
    <form
      ref={form}
      method="post"
      noValidate
      onSubmit={submit}
      aria-label="Add a feed"
      className="flex flex-wrap items-end gap-x-3 gap-y-2 rounded border border-slate-200 p-3 dark:border-slate-800"
    >
      <FeedFields error={error} errorId={errorId} />
      <label className="flex items-center gap-1.5 pb-1.5 text-sm">
        <input type="checkbox" name="enabled" defaultChecked />
        Enabled
      </label>
      <button type="submit" disabled={create.isPending} className="rounded border border-blue-600 bg-blue-600 px-3 py-1 text-sm font-medium text-white disabled:opacity-50">
        Add feed
      </button>
      <FeedFormError error={error} errorId={errorId} />
    </form>
  );
}
