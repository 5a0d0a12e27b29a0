"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { hasRole, type UserDto } from "@/server/contract/auth";
import { useFlashAlerts } from "../alerts/use-flash-alerts";
import { FilterBar } from "../filters/filter-bar";
import { useRealtimeServices } from "../realtime/socket-provider";
import { DeskHeader } from "../header/desk-header";
import { ShortcutsDialog } from "../keyboard/shortcuts-dialog";
import { DeskUserContext } from "../stories/action-availability";
import { BulkBar } from "../stories/bulk-bar";
import { RowMenu, type RowMenuState } from "../stories/row-menu";
import type { RowCallbacks } from "../stories/story-row";
import { StoryQueue, type QueueHandle } from "../stories/story-queue";
import { ActionDialog } from "../stories/action-dialog";
import { StoryView } from "../stories/story-view";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { DeskTimeZoneContext } from "../ui/desk-time-zone";
import { Toast } from "../ui/toast";
import { useActionPrompt } from "./use-action-prompt";
import { useConfirm } from "./use-confirm";
import { useHolderNotices } from "./use-holder-notices";
import { useReturnFocusToQueue } from "./use-return-focus";
import { useDeskKeys } from "./use-desk-keys";
import { useDeskUrl } from "./use-desk-url";
import { useEditorGuard } from "./use-editor-guard";
import { useReadOnDwell } from "./use-read-on-dwell";
import { useToast } from "./use-toast";
import { useTriage } from "./use-triage";
import { useStartStory } from "./use-start-story";

/** Below this width the reading pane is an overlay over the queue (full screen on a phone). Same as Tailwind's `max-xl`. */
const OVERLAY_QUERY = "(width < 80rem)";

/**
 * Selects a story; where the pane is an overlay, opening one takes a history entry, so the browser's back
 * (and the pane's Back button, and Escape) close it again rather than leave the desk.
 */
function useStorySelection(select: (id: string | null, mode?: "push" | "replace") => void, selectedId: string | null, filters: unknown) {
  const hasPushed = useRef(false);
  useEffect(() => {
    if (!selectedId) hasPushed.current = false; // closed, by us or by the browser's back
  }, [selectedId]);
  useEffect(() => {
    hasPushed.current = false; // new filters took their own history entry: going back would undo them
  }, [filters]);
  return useCallback(
    (id: string | null) => {
      if (id === null && hasPushed.current) {
        hasPushed.current = false;
        window.history.back();
        return;
      }
      const isOpening = id !== null && !new URLSearchParams(window.location.search).has("story") && window.matchMedia(OVERLAY_QUERY).matches;
      if (isOpening) hasPushed.current = true;
      select(id, isOpening ? "push" : "replace");
    },
    [select],
  );
}

/** The desk once signed in: header, filters, the live queue and the reading pane, all keyboard-first. */
export function DeskWorkspace({ me }: { me: UserDto }) {
  const { filters, selectedId, isEditingInUrl, currentSelectedId, select: selectInUrl, setFilters, setEditingInUrl } = useDeskUrl(me.deskIds[0]);
  const selectNow = useStorySelection(selectInUrl, selectedId, filters);
  const { guardRef: editorGuardRef, leaveFor } = useEditorGuard();
  // Every change of selection (a click, j/k, Escape, Back to the queue) may take the editing pane off its story.
  const select = useCallback((id: string | null) => leaveFor(id, () => selectNow(id)), [leaveFor, selectNow]);
  const [marked, setMarked] = useState<ReadonlySet<string>>(new Set());
  const [menu, setMenu] = useState<RowMenuState | null>(null);
  const [isHelpOpen, setIsHelpOpen] = useState(false);
  // The story open for co-editing (only while it is the selected one), kept in the URL too.
  const [editingId, setEditingState] = useState<string | null>(null);
  // After a reload while editing, the pane goes back to editing once the story shows it changes nothing.
  const [resumeId, setResumeId] = useState<string | null>(() => (isEditingInUrl ? selectedId : null));
  const setEditingId = useCallback(
    (id: string | null) => {
      setResumeId(null);
      setEditingState(id);
      setEditingInUrl(id !== null);
    },
    [setEditingInUrl],
  );
  const queueRef = useRef<QueueHandle | null>(null);
  // Opens the editing pane on a story, or closes it (Done, Escape) with the focus back on the story's queue line.
  const editStory = useCallback(
    (id: string | null) =>
      leaveFor(id, () => {
        const leaving = id === null ? currentSelectedId() : null;
        setEditingId(id);
        if (leaving) queueRef.current?.focusLine(leaving);
      }),
    [leaveFor, currentSelectedId, setEditingId],
  );
  const searchRef = useRef<HTMLInputElement | null>(null);
  const articleRef = useRef<HTMLElement | null>(null);
  const canEdit = hasRole(me.role, "editor");
  const { toast, show, dismiss } = useToast();
  const prompt = useActionPrompt();
  const { request: confirmRequest, confirm, answer } = useConfirm();
  const who = useMemo(() => ({ role: me.role, userId: me.id }), [me.role, me.id]);
  const noteOwn = useHolderNotices(me.id, useCallback((text: string) => show({ text, tone: "info" }), [show]));
  const lookup = useCallback((id: string) => queueRef.current?.story(id), []);
  const { act, markRead } = useTriage(canEdit, show, { lookup, who, timeZone: me.timeZone, confirm, ask: prompt.ask, onActing: noteOwn });

  const openNewStory = useCallback(
    (id: string) =>
      leaveFor(id, () => {
        selectNow(id);
        setEditingId(id);
        // The story asked for is at the top: show it rather than hold it behind "N new", also when its push
        // reaches the queue after the answer that named it.
        queueRef.current?.revealStory(id);
      }),
    [leaveFor, selectNow, setEditingId],
  );
  const startStory = useStartStory({ canEdit, desk: filters.desk, queueRef, show, onStarted: openNewStory });
  const newStory = useCallback(
    (fromMarked: boolean) => {
      if (fromMarked && marked.size === 0) {
        show({ text: "Mark the takes first (x on each line), then Shift+T.", tone: "info" });
        return;
      }
      void startStory(fromMarked ? [...marked] : []).then((ok) => {
        if (ok && fromMarked) setMarked(new Set());
      });
    },
    [marked, startStory, show],
  );

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
    (id: string) =>
      leaveFor(id, () => {
        selectNow(id);
        if (queueRef.current?.story(id)?.isRead !== true) void markRead(id);
        focusWanted.current = id;
        requestAnimationFrame(() => focusIfShown(id)); // already on screen; otherwise the view calls back once loaded
      }),
    [leaveFor, selectNow, markRead, focusIfShown],
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
  useDeskKeys({ selectedId: currentSelectedId, marked, queueRef, searchRef, articleRef, select, open, act, toggleMark, toast, clearMarks: () => setMarked(new Set()), openHelp: () => setIsHelpOpen(true), showSubmitted: () => setFilters({ ...filters, state: "submitted" }), edit: () => setEditingId(selectedId), newStory });
  const returnFocus = useReturnFocusToQueue(queueRef);

  return (
    <DeskUserContext.Provider value={who}>
      <DeskTimeZoneContext.Provider value={me.timeZone}>
      <div className="flex h-dvh flex-col">
        <div className="contents" onClick={returnFocus} onChange={returnFocus}>
          <DeskHeader me={me} filters={filters} onFilters={setFilters} onHelp={() => setIsHelpOpen(true)} onNewStory={() => newStory(false)} />
          <FilterBar filters={filters} searchRef={searchRef} suggest={(field) => queueRef.current?.sample(field) ?? []} onChange={setFilters} onLeaveSearch={() => queueRef.current?.focus()} />
        </div>
        <main className={`relative grid min-h-0 flex-1 grid-cols-1 xl:grid-cols-[minmax(0,1.7fr)_minmax(22rem,1fr)] ${selectedId ? "queue-pane-open" : ""}`}>
          <section aria-label="Queue" className="queue-container flex min-h-0 flex-col border-slate-200 xl:border-r dark:border-slate-800">
            <BulkBar
              count={marked.size}
              canEdit={canEdit}
              onSpike={() => {
                void act([...marked], "spike");
                setMarked(new Set());
              }}
              onNewStory={() => newStory(true)}
              onClear={() => setMarked(new Set())}
            />
            <div className="min-h-0 flex-1">
              <StoryQueue filters={filters} selectedId={selectedId} marked={marked} menuStoryId={menu?.storyId ?? null} callbacks={callbacks} handleRef={queueRef} currentSelectedId={currentSelectedId} />
            </div>
          </section>
          <section
            aria-label="Reading pane"
            className={`min-h-0 overflow-y-auto bg-white dark:bg-slate-950 max-xl:absolute max-xl:inset-y-0 max-xl:right-0 max-xl:z-20 max-xl:w-[min(46rem,calc(100%_-_14rem))] max-xl:border-l max-xl:border-slate-300 max-xl:shadow-2xl dark:max-xl:border-slate-700 max-sm:fixed max-sm:inset-0 max-sm:z-40 max-sm:w-full max-sm:border-l-0 ${
              selectedId ? "" : "max-xl:hidden"
            }`}
          >
            {selectedId ? (
              <div className="sticky top-0 z-10 flex items-center border-b border-slate-200 bg-white/95 px-2 py-1 xl:hidden dark:border-slate-800 dark:bg-slate-950/95">
                <button type="button" onClick={() => select(null)} className="rounded px-2 py-1 text-sm font-medium text-blue-700 hover:bg-slate-100 dark:text-blue-300 dark:hover:bg-slate-800">
                  ← Back to the queue
                </button>
              </div>
            ) : null}
            {selectedId ? (
              <StoryView
                id={selectedId}
                me={me}
                canEdit={canEdit}
                isEditing={editingId === selectedId}
                resumeEditing={resumeId === selectedId}
                onEdit={editStory}
                editorGuardRef={editorGuardRef}
                articleRef={articleRef}
                onAction={(id, action) => void act([id], action)}
                onSetRead={(id, isRead) => void markRead(id, isRead)}
                onShown={focusIfShown}
              />
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
        <ActionDialog request={prompt.request} onDone={prompt.onDone} />
        <ShortcutsDialog isOpen={isHelpOpen} onClose={() => setIsHelpOpen(false)} />
        <ConfirmDialog request={confirmRequest} onAnswer={answer} />
        <Toast toast={toast} onDismiss={dismiss} />
      </div>
      </DeskTimeZoneContext.Provider>
    </DeskUserContext.Provider>
  );
}
