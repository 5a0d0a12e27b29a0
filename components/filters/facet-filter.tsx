"use client";

import { useState } from "react";
import { parseNegatedList } from "@/server/contract/story-list-query";
import { Popover } from "../ui/popover";
import { valueMode, withValueMode, type ValueMode } from "./filter-params";

/** The filter's summary: "dpa, AFP, not AP" ("any" when empty). */
export function describeList(csv: string | undefined, label: (value: string) => string = (v) => v): string {
  const { include, exclude } = parseNegatedList(csv);
  const parts = [...include.map(label), ...exclude.map((v) => `not ${label(v)}`)];
  return parts.length > 0 ? parts.join(", ") : "any";
}

interface FacetFilterProps {
  name: string;
  value: string | undefined;
  /** Values to offer (those in the filter are always offered). */
  suggest: () => string[];
  labelFor?: (value: string) => string;
  allowOther?: boolean;
  onChange: (csv: string) => void;
}

/** One list filter (agency, state, category, language): each value is any, only, or excluded. */
export function FacetFilter({ name, value, suggest, labelFor = (v) => v, allowOther = true, onChange }: FacetFilterProps) {
  const summary = describeList(value, labelFor);
  const isActive = Boolean(value);
  return (
    <Popover
      label={`${name} filter: ${summary}`}
      buttonText={
        <>
          {name}
          {isActive ? <span className="ml-1 font-semibold text-blue-700 dark:text-blue-300">{summary}</span> : null} ▾
        </>
      }
      buttonClassName={isActive ? "bg-blue-50 dark:bg-blue-950" : ""}
    >
      {() => <FacetPanel name={name} value={value} suggest={suggest} labelFor={labelFor} allowOther={allowOther} onChange={onChange} />}
    </Popover>
  );
}

function FacetPanel({ name, value, suggest, labelFor, allowOther, onChange }: Required<Omit<FacetFilterProps, "value">> & { value: string | undefined }) {
  const [other, setOther] = useState("");
  const { include, exclude } = parseNegatedList(value);
  const values = [...new Set([...include, ...exclude, ...suggest()])];
  const set = (v: string, mode: ValueMode) => onChange(withValueMode(value, v, mode));
  return (
    <div className="flex max-h-80 flex-col gap-1 overflow-y-auto">
      {values.length === 0 ? <p className="text-slate-500">No {name.toLowerCase()} values seen yet.</p> : null}
      {values.map((v) => (
        <div key={v} className="flex items-center justify-between gap-3">
          <span aria-hidden className="truncate">
            {labelFor(v)}
          </span>
          <select aria-label={`${name} ${labelFor(v)}`} value={valueMode(value, v)} onChange={(e) => set(v, e.target.value as ValueMode)} className="rounded border border-slate-300 bg-white px-1 dark:border-slate-600 dark:bg-slate-800">
            <option value="any">any</option>
            <option value="only">only</option>
            <option value="exclude">exclude</option>
          </select>
        </div>
      ))}
      {allowOther ? (
        <form
          className="mt-1 flex gap-1 border-t border-slate-200 pt-2 dark:border-slate-700"
          onSubmit={(event) => {
            event.preventDefault();
            const v = other.trim().replace(/^-/, "");
            if (v) set(v, other.trim().startsWith("-") ? "exclude" : "only");
            setOther("");
          }}
        >
          <input
            aria-label={`Other ${name.toLowerCase()} (a leading - excludes it)`}
            placeholder="other… (-x excludes)"
            value={other}
            onChange={(e) => setOther(e.target.value)}
            className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-1 dark:border-slate-600 dark:bg-slate-800"
          />
          <button type="submit" className="rounded bg-slate-200 px-2 dark:bg-slate-700">
            Add
          </button>
        </form>
      ) : null}
      {value ? (
        <button type="button" onClick={() => onChange("")} className="mt-1 self-start text-blue-700 underline dark:text-blue-300">
          Any {name.toLowerCase()}
        </button>
      ) : null}
    </div>
  );
}
