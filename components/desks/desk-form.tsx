"use client";

import { useState, type FormEvent } from "react";
import { draftToRule, RuleFields, type RuleDraft } from "./rule-fields";

/** What the form sends: a name and the rules in order. */
export interface DeskFormValue {
  name: string;
  rules: Record<string, string | number>[];
}

/** A desk's name and routing rules, for adding a desk and for editing one (Escape cancels an edit). */
export function DeskForm({ label, submitText, initialName = "", initialRules = [], isBusy, onSubmit, onCancel }: {
  label: string;
  submitText: string;
  initialName?: string;
  initialRules?: RuleDraft[];
  isBusy: boolean;
  onSubmit: (value: DeskFormValue) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const [name, setName] = useState(initialName);
  const [rules, setRules] = useState<RuleDraft[]>(initialRules);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const isSaved = await onSubmit({ name, rules: rules.map(draftToRule) });
    if (isSaved && !onCancel) {
      setName("");
      setRules([]);
    }
  };
  return (
    <form aria-label={label} onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === "Escape" && onCancel?.()} className="space-y-2 text-sm">
      <label className="flex flex-col gap-0.5">
        <span className="text-xs text-slate-500 dark:text-slate-400">Desk name</span>
        <input required value={name} onChange={(e) => setName(e.target.value)} maxLength={60} className="w-full max-w-xs rounded border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-600" />
      </label>
      <RuleFields rules={rules} onChange={setRules} />
      <div className="flex gap-2">
        <button type="submit" disabled={isBusy} className="rounded bg-slate-800 px-3 py-1 text-xs font-semibold text-white hover:bg-slate-700 disabled:opacity-50 dark:bg-slate-200 dark:text-slate-900">
          {submitText}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel} className="rounded border border-slate-300 px-3 py-1 text-xs dark:border-slate-600">
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
