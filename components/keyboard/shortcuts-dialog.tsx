"use client";

import { useEffect, useRef } from "react";
import { keyLabel, SHORTCUTS } from "./shortcuts";

/** The `?` overlay: every shortcut of the desk, as a modal dialog with a heading. */
export function ShortcutsDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      onClick={(event) => {
        if (event.target === ref.current) onClose(); // a click on the backdrop
      }}
      className="m-auto w-[28rem] max-w-[95vw] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="p-4">
        <div className="mb-3 flex items-center justify-between">
          <h2 id="shortcuts-title" className="text-base font-semibold">
            Keyboard shortcuts
          </h2>
          <button type="button" onClick={onClose} className="rounded px-2 py-0.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
            Close
          </button>
        </div>
        <table className="w-full text-sm">
          <caption className="sr-only">Keys and what they do</caption>
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.action} className="border-t border-slate-100 dark:border-slate-800">
                <th scope="row" className="w-28 py-1 pr-3 text-left font-normal">
                  {shortcut.keys.map((key) => (
                    <kbd key={key} className="mr-1 rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
                      {keyLabel(key)}
                    </kbd>
                  ))}
                </th>
                <td className="py-1">{shortcut.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">Keys do nothing while you type in a field, except Esc in the editor, which leaves it. Every action is also in the story toolbar and in a line&apos;s menu (right click).</p>
      </div>
    </dialog>
  );
}
