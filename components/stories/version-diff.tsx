"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { DiffParts } from "./diff-text";
import { versionQueries } from "./version-queries";

/** "Compare versions": pick two agency versions of a story and see the word-level difference. */
export function VersionDiff({ storyId, currentVersion }: { storyId: string; currentVersion: number }) {
  const headingId = useId();
  const versions = useQuery(versionQueries.list(storyId, currentVersion));
  const numbers = [...new Set((versions.data?.versions ?? []).map((v) => v.agencyVersion))].sort((a, b) => a - b);
  const [picked, setPicked] = useState<{ from: number | null; to: number | null }>({ from: null, to: null });
  const from = picked.from ?? numbers.at(-2) ?? null;
  const to = picked.to ?? numbers.at(-1) ?? null;
  const diff = useQuery({ ...versionQueries.diff(storyId, from ?? 0, to ?? 0), enabled: from !== null && to !== null });

  if (numbers.length < 2) return null;
  return (
    <section aria-labelledby={headingId} className="mt-6 border-t border-slate-200 pt-3 dark:border-slate-800">
      <h2 id={headingId} className="mb-2 text-sm font-semibold">
        Compare versions
      </h2>
      <div className="mb-2 flex items-center gap-3 text-xs">
        <VersionSelect label="From" numbers={numbers} value={from} onChange={(n) => setPicked({ from: n, to })} />
        <VersionSelect label="To" numbers={numbers} value={to} onChange={(n) => setPicked({ from, to: n })} />
        <span className="text-slate-500">
          <ins className="bg-green-100 px-0.5 dark:bg-green-950">added</ins> <del className="bg-red-100 px-0.5 dark:bg-red-950">removed</del>
        </span>
      </div>
      {diff.isError ? (
        <p role="alert" className="text-xs text-red-600">
          {diff.error.message}
        </p>
      ) : diff.data ? (
        <div aria-live="polite">
          <DiffParts diff={diff.data} bodyClassName="text-[14px]" gap="mb-2" />
        </div>
      ) : (
        <p className="text-xs text-slate-500">Loading…</p>
      )}
    </section>
  );
}

/** One labelled picker of an agency version. */
function VersionSelect({ label, numbers, value, onChange }: { label: string; numbers: number[]; value: number | null; onChange: (version: number) => void }) {
  return (
    <label className="flex items-center gap-1">
      {label}
      <select
        aria-label={`${label} version`}
        value={value ?? ""}
        onChange={(e) => onChange(Number(e.target.value))}
        className="rounded border border-slate-300 bg-transparent px-1 py-0.5 text-xs dark:border-slate-700"
      >
        {numbers.map((n) => (
          <option key={n} value={n}>
            version {n}
          </option>
        ))}
      </select>
    </label>
  );
}
