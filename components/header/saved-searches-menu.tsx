"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { SAVED_SEARCH_NEW_COUNT_CAP, type SavedSearchDto } from "@/server/contract/saved-search";
import { fetchJson } from "../api/fetch-json";
import { filtersFromParams, savedQueryForFilters, urlSearchForSavedQuery, type StoryFilters } from "../filters/filter-params";
import { storyQueries } from "../stories/queries";
import { savedSearchesQuery } from "./queries";
import { Popover } from "../ui/popover";
import { useRefreshOnArrivals } from "./use-refresh-on-arrivals";

function newLabel(count: number): string {
  return count >= SAVED_SEARCH_NEW_COUNT_CAP ? `${SAVED_SEARCH_NEW_COUNT_CAP}+` : String(count);
}

/** Saved views with their new-match counts: open one, save the current view, delete one. */
export function SavedSearchesMenu({ filters, onOpen }: { filters: StoryFilters; onOpen: (filters: StoryFilters) => void }) {
  const queryClient = useQueryClient();
  const query = useQuery(savedSearchesQuery);
  useRefreshOnArrivals(savedSearchesQuery.queryKey, 30_000);
  const searches = query.data?.savedSearches ?? [];
  const totalNew = searches.reduce((sum, s) => sum + s.newCount, 0);
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: savedSearchesQuery.queryKey }), [queryClient]);
  const open = async (search: SavedSearchDto) => {
    const next = filtersFromParams(new URLSearchParams(urlSearchForSavedQuery(search.query)));
    onOpen(next);
    // Opening a saved search shows what matches now, even when the same view is already on screen.
    void queryClient.invalidateQueries({ queryKey: storyQueries.list(next).queryKey, exact: true });
    await fetchJson<void>(`/api/saved-searches/${encodeURIComponent(search.id)}/open`, { method: "POST" }).catch(() => undefined);
    await refresh();
  };
  const remove = async (search: SavedSearchDto) => {
    await fetchJson<void>(`/api/saved-searches/${encodeURIComponent(search.id)}`, { method: "DELETE" }).catch(() => undefined);
    await refresh();
  };
  return (
    <Popover
      label={`Saved searches${totalNew > 0 ? `, ${totalNew} new matches` : ""}`}
      align="right"
      buttonText={
        <>
          Saved<span className="max-2xl:hidden"> searches</span>
          {totalNew > 0 ? <span className="ml-1 rounded-full bg-blue-700 px-1.5 text-[10px] font-bold text-white dark:bg-blue-400 dark:text-slate-950">{newLabel(totalNew)}</span> : null}
        </>
      }
    >
      {(close) => (
        <div className="flex w-72 flex-col gap-1">
          <RefreshOnOpen refresh={refresh} />
          {searches.length === 0 ? <p className="text-slate-500 dark:text-slate-400">No saved searches yet. Set filters or a search, then save the view here.</p> : null}
          <ul className="flex flex-col">
            {searches.map((search) => (
              <li key={search.id} className="flex items-center gap-1">
                <button
                  type="button"
                  onClick={() => {
                    close();
                    void open(search);
                  }}
                  className="flex min-w-0 flex-1 items-center justify-between gap-2 rounded px-1.5 py-1 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
                >
                  <span className="truncate">{search.name}</span>
                  <span className={search.newCount > 0 ? "font-semibold text-blue-700 dark:text-blue-300" : "text-slate-400"}>{newLabel(search.newCount)} new</span>
                </button>
                <button type="button" aria-label={`Delete saved search ${search.name}`} onClick={() => void remove(search)} className="rounded px-1.5 text-slate-400 hover:bg-slate-100 hover:text-red-600 dark:hover:bg-slate-800">
                  ×
                </button>
              </li>
            ))}
          </ul>
          <SaveViewForm filters={filters} onSaved={refresh} />
        </div>
      )}
    </Popover>
  );
}

/** Counts are fetched again whenever the menu opens, so they are current when read. */
function RefreshOnOpen({ refresh }: { refresh: () => Promise<void> }) {
  useEffect(() => void refresh(), [refresh]);
  return null;
}

function SaveViewForm({ filters, onSaved }: { filters: StoryFilters; onSaved: () => Promise<void> }) {
  const [name, setName] = useState("");
  const save = useMutation({
    mutationFn: () => fetchJson<SavedSearchDto>("/api/saved-searches", { method: "POST", json: { name: name.trim(), query: savedQueryForFilters(filters) } }),
    onSuccess: async () => {
      setName("");
      await onSaved();
    },
  });
  return (
    <form
      className="mt-1 flex flex-col gap-1 border-t border-slate-200 pt-2 dark:border-slate-700"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim()) save.mutate();
      }}
    >
      <div className="flex gap-1">
        <input aria-label="Name for this view" placeholder="Name for this view" value={name} onChange={(e) => setName(e.target.value)} className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-1.5 py-0.5 dark:border-slate-600 dark:bg-slate-800" />
        <button type="submit" disabled={save.isPending} className="rounded bg-slate-800 px-2 font-semibold text-white dark:bg-slate-200 dark:text-slate-900">
          Save view
        </button>
      </div>
      {save.isError ? (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {save.error.message}
        </p>
      ) : null}
    </form>
  );
}
