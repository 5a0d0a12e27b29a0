"use client";

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { completeLink, isAllowedLink, LINK_SCHEMES } from "@/server/contract/link-schemes";
import { FIELD_CONTROL } from "./field";

/** "http:, https: or mailto:", from the one list of schemes. */
const SCHEMES_TEXT = LINK_SCHEMES.map((scheme) => `${scheme}:`).join(", ").replace(/, ([^,]*)$/, " or $1");

const BUTTON = "rounded border border-slate-300 px-2 py-0.5 font-semibold hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-700";

interface LinkFormProps {
  id: string;
  /** The address it opens with: the link's where the caret is, or nothing. */
  href: string;
  /** Sets the link to an allowed address, or removes it with "". */
  onApply: (href: string) => void;
  /** Closes the form; the body takes the focus back. */
  onCancel: () => void;
}

/**
 * The body's link address, asked under the toolbar (never with the browser's prompt, which blocks the
 * page and the co-editing with it). Enter applies, Esc cancels; an empty address removes the link, one
 * typed without its scheme gets https:// (or mailto: for a mail address), and one with another scheme
 * is refused in words and not applied.
 */
export function LinkForm({ id, href: initial, onApply, onCancel }: LinkFormProps) {
  const [href, setHref] = useState(initial);
  const [isRefused, setIsRefused] = useState(false);
  const inputId = useId();
  const errorId = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const address = completeLink(href);
    if (address === "" || isAllowedLink(address)) {
      onApply(address);
      return;
    }
    setIsRefused(true);
    input.current?.focus();
  };
  // Esc closes the form only: the pane's own Esc (leave the editor) sees the key handled and stays put.
  const cancelOnEscape = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || event.nativeEvent.isComposing) return;
    event.preventDefault();
    onCancel();
  };
  return (
    <form id={id} noValidate onSubmit={apply} onKeyDown={cancelOnEscape} className="mb-1 flex flex-wrap items-center gap-x-1.5 gap-y-1 rounded border border-slate-300 bg-slate-50 p-1.5 text-xs dark:border-slate-600 dark:bg-slate-800">
      <label htmlFor={inputId} className="font-medium">
        Link address
      </label>
      {/* The address and its buttons wrap together, under the label on a phone. */}
      <div className="flex min-w-0 flex-1 basis-72 items-center gap-1.5">
        <input
          ref={input}
          id={inputId}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://…"
          value={href}
          onChange={(event) => {
            setHref(event.target.value);
            setIsRefused(false);
          }}
          aria-invalid={isRefused}
          aria-describedby={isRefused ? errorId : undefined}
          className={`${FIELD_CONTROL} min-w-0 flex-1 py-0.5 text-sm`}
        />
        <button type="submit" className="rounded bg-indigo-600 px-2 py-0.5 font-semibold text-white hover:bg-indigo-700">
          Apply
        </button>
        <button type="button" onClick={onCancel} className={BUTTON}>
          Cancel
        </button>
      </div>
      {isRefused ? (
        <p id={errorId} role="alert" className="basis-full text-red-700 dark:text-red-400">
          Not applied: a link starts with {SCHEMES_TEXT} (leave it empty to remove the link).
        </p>
      ) : null}
    </form>
  );
}
