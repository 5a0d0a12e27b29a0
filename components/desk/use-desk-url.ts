"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo } from "react";
import { filtersFromParams, filtersWithDefaultDesk, paramsWithFilters, type StoryFilters } from "../filters/filter-params";

function writeUrl(params: URLSearchParams, mode: "push" | "replace"): void {
  const search = params.toString();
  const url = search ? `/?${search}` : "/";
  // Next keeps useSearchParams in step with the native history API, without a server round trip.
  if (mode === "push") window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

/**
 * The desk's state in the URL of `/`: the filters (so a view can be shared and reloaded) and the
 * selected story (`?story=`, with `&edit=1` while it is open for editing). A URL naming no filter opens
 * on the user's own desk.
 */
export function useDeskUrl(ownDeskId: string | undefined) {
  // Null only in the pages router (the public site); the desk is an app-router page.
  const params = useSearchParams() ?? new URLSearchParams();
  const urlFilters = useMemo(() => filtersFromParams(new URLSearchParams(params.toString())), [params]);
  const filterKey = JSON.stringify(filtersWithDefaultDesk(urlFilters, ownDeskId));
  // One object per distinct set of filters, so effects keyed on it run only when the filters change.
  const filters = useMemo(() => JSON.parse(filterKey) as StoryFilters, [filterKey]);
  const selectedId = params.get("story");
  // `?edit=1`: the selected story was open for editing (a reload brings the editing pane back).
  const isEditingInUrl = params.get("edit") === "1";

  useEffect(() => {
    if (Object.keys(urlFilters).length === 0 && filters.desk) writeUrl(paramsWithFilters(new URLSearchParams(window.location.search), filters), "replace");
  }, [urlFilters, filters]);

  // "push" when opening a story should take a history entry (a full-screen story that browser back closes).
  const select = useCallback((id: string | null, mode: "push" | "replace" = "replace") => {
    const next = new URLSearchParams(window.location.search);
    if (next.get("story") !== id) next.delete("edit"); // editing belongs to the story it was opened on
    if (id) next.set("story", id);
    else next.delete("story");
    writeUrl(next, mode);
  }, []);

  const setEditingInUrl = useCallback((isEditing: boolean) => {
    const next = new URLSearchParams(window.location.search);
    if (isEditing) next.set("edit", "1");
    else next.delete("edit");
    writeUrl(next, "replace");
  }, []);

  const setFilters = useCallback((next: StoryFilters, mode: "push" | "replace" = "push") => {
    writeUrl(paramsWithFilters(new URLSearchParams(window.location.search), next), mode);
  }, []);

  // The selection as last written, before React renders it: keys pressed faster than the screen renders all build on it.
  const currentSelectedId = useCallback(() => new URLSearchParams(window.location.search).get("story"), []);

  return { filters, selectedId, isEditingInUrl, currentSelectedId, select, setFilters, setEditingInUrl };
}
