"use client";

import { useQuery } from "@tanstack/react-query";
import { ALL_DESKS } from "../filters/filter-params";
import { desksQuery } from "./queries";

/** Which desk's queue to show; a user opens on their own desk. */
export function DeskSwitcher({ value, ownDeskIds, onChange }: { value: string | undefined; ownDeskIds: readonly string[]; onChange: (desk: string) => void }) {
  const query = useQuery(desksQuery);
  const desks = query.data?.desks ?? [];
  const current = value ?? ALL_DESKS;
  const isKnown = current === ALL_DESKS || desks.some((d) => d.id === current);
  return (
    <select aria-label="Desk" value={current} onChange={(e) => onChange(e.target.value)} className="h-6 w-24 rounded border border-slate-300 bg-white px-1 text-xs 2xl:w-32 dark:border-slate-600 dark:bg-slate-900">
      <option value={ALL_DESKS}>All desks</option>
      {desks.map((desk) => (
        <option key={desk.id} value={desk.id}>
          {desk.name}
          {ownDeskIds.includes(desk.id) ? " (mine)" : ""}
        </option>
      ))}
      {!isKnown ? <option value={current}>{current}</option> : null}
    </select>
  );
}
