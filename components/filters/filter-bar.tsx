"use client";

import type { RefObject } from "react";
import { STORY_STATES } from "@/server/contract/story";
import { FacetFilter } from "./facet-filter";
import { hasNarrowingFilters, searchOrder, type StoryFilters } from "./filter-params";
import { SearchBox } from "./search-box";
import { SearchOrder } from "./search-order";
import { TimeRangeFilter } from "./time-range-filter";
import { UrgencyFilter } from "./urgency-filter";

/** Values seen in the loaded queue, to offer in the list filters. */
export type SuggestValues = (field: "agency" | "language" | "category") => string[];

interface FilterBarProps {
  filters: StoryFilters;
  searchRef: RefObject<HTMLInputElement | null>;
  suggest: SuggestValues;
  onChange: (filters: StoryFilters, mode?: "push" | "replace") => void;
  onLeaveSearch: () => void;
}

const stateLabel = (state: string) => state.replace("_", " ");

/** Search and filters that combine (and negate); every change goes into the URL. */
export function FilterBar({ filters, searchRef, suggest, onChange, onLeaveSearch }: FilterBarProps) {
  const set = (patch: StoryFilters, mode?: "push" | "replace") => {
    const next: StoryFilters = { ...filters, ...patch };
    for (const key of Object.keys(next) as (keyof StoryFilters)[]) if (!next[key]) delete next[key];
    onChange(next, mode);
  };
  return (
    <div role="search" aria-label="Queue filters" className="flex flex-wrap items-center gap-1.5 border-b border-slate-200 px-2 py-1 dark:border-slate-800">
      <SearchBox value={filters.q ?? ""} inputRef={searchRef} onSearch={(q) => set({ q }, "replace")} onLeave={onLeaveSearch} />
      {filters.q ? <SearchOrder value={searchOrder(filters)} onChange={(sort) => set({ sort: sort === "relevance" ? "relevance" : undefined }, "replace")} /> : null}
      <FacetFilter name="Agency" value={filters.agency} suggest={() => suggest("agency")} onChange={(agency) => set({ agency })} />
      <UrgencyFilter min={filters.urgencyMin} max={filters.urgencyMax} onChange={(urgencyMin, urgencyMax) => set({ urgencyMin, urgencyMax })} />
      <FacetFilter name="State" value={filters.state} suggest={() => [...STORY_STATES]} labelFor={stateLabel} allowOther={false} onChange={(state) => set({ state })} />
      <FacetFilter name="Category" value={filters.category} suggest={() => suggest("category")} onChange={(category) => set({ category })} />
      <FacetFilter name="Language" value={filters.language} suggest={() => suggest("language")} onChange={(language) => set({ language })} />
      <TimeRangeFilter
        range={filters.range}
        since={filters.since}
        until={filters.until}
        onChange={(range, since, until) => set(range === "custom" ? { range, since, until } : { range, since: "", until: "" })}
      />
      {hasNarrowingFilters(filters) ? (
        <button type="button" onClick={() => onChange(filters.desk ? { desk: filters.desk } : {})} className="rounded px-2 py-0.5 text-xs text-blue-700 underline dark:text-blue-300">
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
