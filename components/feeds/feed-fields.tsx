"use client";

import { useEffect, type RefObject } from "react";
import { MIN_FEED_INTERVAL_SECONDS, type FeedDto } from "@/server/contract/feeds";
import type { FeedField, FieldError } from "./feed-format";

const MAX_INTERVAL_SECONDS = 86_400;
const labelClass = "flex flex-col gap-0.5 text-xs text-slate-600 dark:text-slate-400";
const inputClass =
  "rounded border border-slate-300 bg-transparent px-2 py-1 text-sm text-slate-900 dark:border-slate-700 dark:text-slate-100 aria-[invalid=true]:border-red-600 dark:aria-[invalid=true]:border-red-400";

/** Name, URL and interval with visible labels; the field the server named is marked invalid and described by the message. */
export function FeedFields({ defaults, error, errorId, isFirstFocused = false }: { defaults?: Pick<FeedDto, "name" | "url" | "intervalSeconds">; error: FieldError | null; errorId: string; isFirstFocused?: boolean }) {
  const invalid = (field: FeedField) => (error?.field === field ? { "aria-invalid": true, "aria-describedby": errorId } : {});
  return (
    <>
      <label className={labelClass}>
        Name
        <input name="name" defaultValue={defaults?.name} maxLength={120} autoComplete="off" autoFocus={isFirstFocused} className={`w-44 ${inputClass}`} {...invalid("name")} />
      </label>
      <label className={`min-w-64 flex-1 ${labelClass}`}>
        URL
        <input name="url" type="url" inputMode="url" defaultValue={defaults?.url} maxLength={2048} autoComplete="off" spellCheck={false} placeholder="https://example.org/feed.xml" className={`font-mono ${inputClass}`} {...invalid("url")} />
      </label>
      <label className={labelClass}>
        Interval (seconds)
        <input
          name="intervalSeconds"
          type="number"
          min={MIN_FEED_INTERVAL_SECONDS}
          max={MAX_INTERVAL_SECONDS}
          step={1}
          defaultValue={defaults?.intervalSeconds ?? 300}
          className={`w-28 tabular-nums ${inputClass}`}
          {...invalid("intervalSeconds")}
        />
      </label>
    </>
  );
}

/** The message under a feed form: the field's (or the request's) error, read out as it appears. */
export function FeedFormError({ error, errorId }: { error: FieldError | null; errorId: string }) {
  if (!error) return null;
  return (
    <p id={errorId} role="alert" className="basis-full text-sm text-red-700 dark:text-red-400">
      {error.message}
    </p>
  );
}

/** Puts the keyboard back in the field an error names, so it can be fixed at once. */
export function useFocusOnError(form: RefObject<HTMLFormElement | null>, error: FieldError | null): void {
  useEffect(() => {
    const target = error?.field ? form.current?.elements.namedItem(error.field) : null;
    if (target instanceof HTMLInputElement) target.focus();
  }, [form, error]);
}
