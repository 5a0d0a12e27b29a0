"use client";

/** A message at the bottom of the desk; `undo` adds an Undo button (also the z key). */
export interface ToastMessage {
  id: number;
  text: string;
  tone: "info" | "error";
  undo?: () => void;
}

/** Shows the latest toast: a status for information, an alert for errors. */
export function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss: () => void }) {
  if (!toast) return <div role="status" aria-live="polite" className="sr-only" />;
  const isError = toast.tone === "error";
  return (
    <div
      role={isError ? "alert" : "status"}
      aria-live={isError ? "assertive" : "polite"}
      className={`fixed bottom-4 left-1/2 z-40 flex max-w-[90vw] -translate-x-1/2 items-center gap-3 rounded-md px-4 py-2 text-sm shadow-lg ${
        isError ? "bg-red-700 text-white" : "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900"
      }`}
    >
      <span className="truncate">{toast.text}</span>
      {toast.undo ? (
        <button type="button" onClick={toast.undo} className="rounded border border-current px-2 py-0.5 text-xs font-semibold hover:bg-white/10">
          Undo (z)
        </button>
      ) : null}
      <button type="button" aria-label="Dismiss" onClick={onDismiss} className="px-1 opacity-70 hover:opacity-100">
        ×
      </button>
    </div>
  );
}
