"use client";

import { useEffect, useId, useRef } from "react";

/** A question the desk asks before it acts on someone else's work. */
export interface ConfirmRequest {
  title: string;
  text: string;
  confirmLabel: string;
  /** The safe answer's label ("Cancel" unless given). */
  cancelLabel?: string;
}

/**
 * A modal `alertdialog` (native dialog: focus stays inside, Escape cancels). The safe answer,
 * Cancel, has the focus, so a stray Enter changes nothing.
 */
export function ConfirmDialog({ request, onAnswer }: { request: ConfirmRequest | null; onAnswer: (isConfirmed: boolean) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const id = useId(); // the desk and the editing pane may each hold one
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (request && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    }
    if (!request && dialog.open) dialog.close();
  }, [request]);
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onCancel={(event) => {
        event.preventDefault();
        onAnswer(false);
      }}
      className="m-auto w-[26rem] max-w-[95vw] rounded-lg border border-slate-200 bg-white p-4 text-slate-900 shadow-xl backdrop:bg-slate-950/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {request ? (
        <>
          <h2 id={`${id}-title`} className="mb-1 text-base font-semibold">
            {request.title}
          </h2>
          <p id={`${id}-text`} className="mb-4 text-sm">
            {request.text}
          </p>
          <div className="flex justify-end gap-2">
            <button ref={cancelRef} type="button" onClick={() => onAnswer(false)} className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
              {request.cancelLabel ?? "Cancel"}
            </button>
            <button type="button" onClick={() => onAnswer(true)} className="rounded bg-red-700 px-3 py-1 text-sm font-semibold text-white hover:bg-red-800">
              {request.confirmLabel}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
