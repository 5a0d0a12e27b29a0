"use client";

import { AdminMenu } from "../admin/admin-menu";
import { hasRole, type UserDto } from "@/server/contract/auth";
import { ThemeToggle } from "../desk/theme-toggle";
import { UserMenu } from "../desk/user-menu";
import { AlarmBar } from "../alarms/alarm-bar";
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
  /** Starts a new desk story (editors and above; viewers do not see the button). */
  onNewStory: () => void;
}

/** Connection, desk numbers and chart, a new story, desk switcher, saved searches, settings, help, theme, user; alarms below for chiefs and admins. */
export function DeskHeader({ me, filters, onFilters, onHelp, onNewStory }: DeskHeaderProps) {
  return (
    <>
      {/* One line from 1,024 px up (the numbers shrink first); narrower, it wraps inside its own band, never over the rows. */}
      <header className="flex flex-wrap items-center gap-x-3 gap-y-0.5 whitespace-nowrap border-b border-slate-200 px-3 py-1 lg:flex-nowrap dark:border-slate-800">
        <h1 className="text-sm font-bold tracking-tight">Wiredesk</h1>
        <ConnectionStatus />
        <DeskStats filters={filters} onPickState={(state) => onFilters({ ...filters, state })} />
        <div className="ml-auto flex min-w-0 flex-wrap items-center gap-1.5 lg:shrink-0">
          {hasRole(me.role, "editor") ? (
            <button type="button" onClick={onNewStory} aria-keyshortcuts="Shift+N" title="Write a new story (Shift+N)" className="rounded bg-indigo-600 px-2 py-0.5 text-xs font-semibold text-white hover:bg-indigo-700">
              + New story
            </button>
          ) : null}
          <DeskSwitcher value={filters.desk} ownDeskIds={me.deskIds} onChange={(desk) => onFilters({ ...filters, desk })} />
          <SavedSearchesMenu filters={filters} onOpen={onFilters} />
          <SettingsMenu settings={me.settings} />
          <button type="button" onClick={onHelp} aria-label="Keyboard shortcuts" aria-keyshortcuts="?" className="rounded px-2 py-0.5 text-xs hover:bg-slate-200 max-md:hidden dark:hover:bg-slate-800">
            ?<span className="max-2xl:hidden"> Help</span>
          </button>
          {me.role === "admin" ? <AdminMenu /> : null}
          <ThemeToggle />
          <UserMenu />
        </div>
      </header>
      {me.role === "chief" || me.role === "admin" ? <AlarmBar /> : null}
    </>
  );
}
