"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { hasRole, type UserDto } from "@/server/contract/auth";
import { useFlashAlerts } from "../alerts/use-flash-alerts";
import { FilterBar } from "../filters/filter-bar";
import { useRealtimeServices } from "../realtime/socket-provider";
import { DeskHeader } from "../header/desk-header";
import { ShortcutsDialog } from "../keyboard/shortcuts-dialog";
import { BulkBar } from "../stories/bulk-bar";
import { RowMenu, type RowMenuState } from "../stories/row-menu";
import type { RowCallbacks } from "../stories/story-row";
import { StoryQueue, type QueueHandle } from "../stories/story-queue";
import { StoryView } from "../stories/story-view";
import { Toast } from "../ui/toast";
import { useDeskKeys } from "./use-desk-keys";
import { useDeskUrl } from "./use-desk-url";
import { useReadOnDwell } from "./use-read-on-dwell";
import { useToast } from "./use-toast";
import { useTriage } from "./use-triage";

/** The desk once signed in: header, filters, the live queue and the reading pane, all keyboard-first. */
export function DeskWorkspace({ me }: { me: UserDto }) {
  const { filters, selectedId, select, setFilters } = useDeskUrl(me.deskIds[0]);
  const [marked, setMarked] = useState<ReadonlySet<string>>(new Set());
  const [menu, setMenu] = useState<RowMenuState | null>(null);
  const [isHelpOpen, setIsHelpOpen] = useState(false);
  const queueRef = useRef<QueueHandle | null>(null);
  const searchRef = useRef<HTMLInputElement | null>(null);
  const articleRef = useRef<HTMLElement | null>(null);
  const canEdit = hasRole(me.role, "editor");
  const { toast, show, dismiss } = useToast();
  const { act, markRead } = useTriage(canEdit, show);

  const toggleMark = useCallback((id: string) => {
    setMarked((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);
  // The story an open asked focus for, until its article is on screen (it may still be loading).
  const focusWanted = useRef<string | null>(null);
  const focusIfShown = useCallback((id: string) => {
    const article = articleRef.current;
    if (focusWanted.current !== id || article?.dataset.storyId !== id) return;
    focusWanted.current = null;
    article.focus();
  }, []);
  useEffect(() => {
    if (focusWanted.current !== selectedId) focusWanted.current = null; // moved on before it loaded
  }, [selectedId]);
  const open = useCallback(
    (id: string) => {
      select(id);
      if (queueRef.current?.story(id)?.isRead !== true) void markRead(id);
      focusWanted.current = id;
      requestAnimationFrame(() => focusIfShown(id)); // already on screen; otherwise the view calls back once loaded
    },
    [select, markRead, focusIfShown],
  );
  const callbacks = useMemo<RowCallbacks>(
    () => ({ onSelect: (id) => select(id), onOpen: open, onToggleMark: toggleMark, onMenu: (storyId, x, y) => setMenu({ storyId, x, y }) }),
    [select, open, toggleMark],
  );
  const { presence } = useRealtimeServices();
  useEffect(() => presence.setSelf(me.id), [presence, me.id]);
  useEffect(() => setMarked(new Set()), [filters]);
  useReadOnDwell(selectedId, queueRef, markRead);
  useFlashAlerts(me.settings, open);
  useDeskKeys({ selectedId, marked, queueRef, searchRef, articleRef, select, open, act, toggleMark, toast, clearMarks: () => setMarked(new Set()), openHelp: () => setIsHelpOpen(true) });

  return (
    <div className="flex h-dvh flex-col">
      <DeskHeader me={me} filters={filters} onFilters={setFilters} onHelp={() => setIsHelpOpen(true)} />
      <FilterBar filters={filters} searchRef={searchRef} suggest={(field) => queueRef.current?.sample(field) ?? []} onChange={setFilters} onLeaveSearch={() => queueRef.current?.focus()} />
      <main className="grid min-h-0 flex-1 grid-cols-[minmax(0,1.7fr)_minmax(22rem,1fr)]">
        <section aria-label="Queue" className="flex min-h-0 flex-col border-r border-slate-200 dark:border-slate-800">
          <BulkBar
            count={marked.size}
            canEdit={canEdit}
            onSpike={() => {
              void act([...marked], "spike");
              setMarked(new Set());
            }}
            onClear={() => setMarked(new Set())}
          />
          <div className="min-h-0 flex-1">
            <StoryQueue filters={filters} selectedId={selectedId} marked={marked} menuStoryId={menu?.storyId ?? null} callbacks={callbacks} handleRef={queueRef} />
          </div>
        </section>
        <section aria-label="Reading pane" className="min-h-0 overflow-y-auto">
          {selectedId ? (
            <StoryView id={selectedId} canEdit={canEdit} articleRef={articleRef} onAction={(id, action) => void act([id], action)} onSetRead={(id, isRead) => void markRead(id, isRead)} onShown={focusIfShown} />
          ) : (
            <p className="p-6 text-slate-500 dark:text-slate-400">Select a story to read it. Press ? for the keyboard shortcuts.</p>
          )}
        </section>
      </main>
      {menu ? (
        <RowMenu
          menu={menu}
          story={queueRef.current?.story(menu.storyId)}
          isMarked={marked.has(menu.storyId)}
          canEdit={canEdit}
          onAction={(id, action) => void act([id], action)}
          onOpen={open}
          onToggleMark={toggleMark}
          onSetRead={(id, isRead) => void markRead(id, isRead)}
          onClose={() => setMenu(null)}
        />
      ) : null}
      <ShortcutsDialog isOpen={isHelpOpen} onClose={() => setIsHelpOpen(false)} />
      <Toast toast={toast} onDismiss={dismiss} />
    </div>
  );
}
