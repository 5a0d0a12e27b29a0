"use client";

import type { DeskRuleDto } from "@/server/contract/desk";

/** A rule being edited: every field as typed ("" means any). */
export interface RuleDraft {
  agency: string;
  category: string;
  keyword: string;
  urgencyMax: string;
}

export const EMPTY_RULE: RuleDraft = { agency: "", category: "", keyword: "", urgencyMax: "" };

/** A stored rule as a draft. */
export function ruleToDraft(rule: DeskRuleDto): RuleDraft {
  return { agency: rule.agency ?? "", category: rule.category ?? "", keyword: rule.keyword ?? "", urgencyMax: rule.urgencyMax === null ? "" : String(rule.urgencyMax) };
}

/** A draft as the API takes it (empty fields left out: "any"). */
export function draftToRule(draft: RuleDraft): Record<string, string | number> {
  const rule: Record<string, string | number> = {};
  for (const key of ["agency", "category", "keyword"] as const) if (draft[key].trim()) rule[key] = draft[key].trim();
  if (draft.urgencyMax) rule.urgencyMax = Number(draft.urgencyMax);
  return rule;
}

/** A rule in words: "agency AP · urgency 1–3", or "every story" when it names nothing. */
export function describeRule(rule: DeskRuleDto): string {
  const parts = [
    rule.agency ? `agency ${rule.agency}` : null,
    rule.category ? `category ${rule.category}` : null,
    rule.keyword ? `keyword ${rule.keyword}` : null,
    rule.urgencyMax !== null ? `urgency 1–${rule.urgencyMax}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : "every story";
}

const INPUT = "w-full rounded border border-slate-300 bg-transparent px-1.5 py-0.5 text-xs dark:border-slate-600";

/** The rules of a desk as rows of fields; a story matches a rule when every filled field matches. */
export function RuleFields({ rules, onChange }: { rules: RuleDraft[]; onChange: (rules: RuleDraft[]) => void }) {
  const set = (index: number, patch: Partial<RuleDraft>) => onChange(rules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)));
  return (
    <fieldset className="space-y-1">
      <legend className="text-xs text-slate-500 dark:text-slate-400">Routing rules (a story goes to the first desk with a rule whose every filled field matches)</legend>
      {rules.map((rule, i) => (
        <div key={i} role="group" aria-label={`Rule ${i + 1}`} className="grid grid-cols-2 items-center gap-1 sm:grid-cols-[1fr_1fr_1fr_7rem_auto]">
          <input aria-label="Agency" placeholder="Agency (any)" value={rule.agency} onChange={(e) => set(i, { agency: e.target.value })} className={INPUT} maxLength={100} />
          <input aria-label="Category" placeholder="Category (any)" value={rule.category} onChange={(e) => set(i, { category: e.target.value })} className={INPUT} maxLength={100} />
          <input aria-label="Keyword" placeholder="Keyword (any)" value={rule.keyword} onChange={(e) => set(i, { keyword: e.target.value })} className={INPUT} maxLength={100} />
          <select aria-label="Urgency up to" value={rule.urgencyMax} onChange={(e) => set(i, { urgencyMax: e.target.value })} className={`${INPUT} dark:bg-slate-900`}>
            <option value="">any urgency</option>
            {[1, 2, 3, 4, 5, 6, 7, 8].map((u) => (
              <option key={u} value={u}>
                urgency 1–{u}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => onChange(rules.filter((_, j) => j !== i))} aria-label={`Remove rule ${i + 1}`} className="rounded px-1.5 text-xs text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950">
            ✕
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rules, EMPTY_RULE])} className="rounded border border-slate-300 px-2 py-0.5 text-xs dark:border-slate-600">
        Add a rule
      </button>
    </fieldset>
  );
}
