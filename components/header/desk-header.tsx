"use client";

import Link from "next/link";
import type { UserDto } from "@/server/contract/auth";
import { ThemeToggle } from "../desk/theme-toggle";
import { UserMenu } from "../desk/user-menu";
import type { StoryFilters } from "../filters/filter-params";
import { ConnectionStatus } from "../realtime/connection-status";
import { DeskStats } from "./desk-stats";
import { DeskSwitcher } from "./desk-switcher";
import { SavedSearchesMenu } from "./saved-searches-menu";
import { SettingsMenu } from "./settings-menu";

interface DeskHeaderProps {
  me: UserDto;
  filters: StoryFilters;
  onFilters: (filters: StoryFilters) => void;
  onHelp: () => void;
}

/** Connection, desk numbers and chart, desk switcher, saved searches, settings, help, theme, user. */
export function DeskHeader({ me, filters, onFilters, onHelp }: DeskHeaderProps) {
  return (
    <header className="flex items-center gap-3 whitespace-nowrap border-b border-slate-200 px-3 py-1 dark:border-slate-800">
      <h1 className="text-sm font-bold tracking-tight">Wiredesk</h1>
      <ConnectionStatus />
      <DeskStats onPickState={(state) => onFilters({ ...filters, state })} />
      <div className="ml-auto flex shrink-0 items-center gap-1.5">
        <DeskSwitcher value={filters.desk} ownDeskIds={me.deskIds} onChange={(desk) => onFilters({ ...filters, desk })} />
        <SavedSearchesMenu filters={filters} onOpen={onFilters} />
        <SettingsMenu settings={me.settings} />
        <button type="button" onClick={onHelp} aria-label="Keyboard shortcuts" aria-keyshortcuts="?" className="rounded px-2 py-0.5 text-xs hover:bg-slate-200 dark:hover:bg-slate-800">
          ? Help
        </button>
        {me.role === "admin" ? (
          <>
            <Link href="/admin/feeds" className="rounded px-2 py-0.5 text-xs hover:bg-slate-200 dark:hover:bg-slate-800">
              Feeds
            </Link>
            <Link href="/admin/ingest" className="rounded px-2 py-0.5 text-xs hover:bg-slate-200 dark:hover:bg-slate-800">
              Ingest errors
            </Link>
          </>
        ) : null}
        <ThemeToggle />
        <UserMenu />
      </div>
    </header>
  );
}
