"use client";

import { useEffect, useId, useImperativeHandle, useMemo, useRef, useState, type RefObject } from "react";
import type { UserDto } from "@/server/contract/auth";
import type { CollabTextField } from "@/server/contract/collab";
import { CORRECTION_NOTICE, editEntry } from "@/server/contract/edit-rules";
import type { StoryDetail } from "@/server/contract/story";
import { textDirection } from "@/server/contract/text-direction";
import { useConfirm } from "../desk/use-confirm";
import type { EditorGuard } from "../desk/use-editor-guard";
import { EDITOR_PANE_ATTRIBUTE, isTypingTarget } from "../keyboard/shortcuts";
import { useShortcuts } from "../keyboard/use-shortcuts";
import { useRealtimeServices } from "../realtime/socket-provider";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { AgencyUpdateBanner } from "./agency-update-banner";
import { BodyEditor } from "./body-editor";
import { HistoryPanel } from "./history-panel";
import type { CollabProvider } from "./collab-provider";
import { StorySources } from "../stories/story-sources";
import { StoryFieldsForm, type StoryFieldsHandle } from "./story-fields-form";
import { useCollab } from "./use-collab";
import { storyColors } from "./user-color";
import { usePresence } from "../realtime/use-presence";
import { EditorAvatars, WatchingAvatars } from "./pane-people";
import { Counter, Field } from "./field";
import { YTextField } from "./y-text-field";

/** The short co-edited fields, row by row: the headline alone, slugline beside byline, then the abstract. */
const CO_EDITED: { field: CollabTextField; label: string; className: string; multiline?: boolean }[][] = [
  [{ field: "headline", label: "Headline", className: "text-lg font-semibold" }],
  [
    { field: "slugline", label: "Slugline", className: "font-mono text-sm" },
    { field: "byline", label: "Byline", className: "text-sm" },
  ],
  [{ field: "abstract", label: "Abstract", className: "text-sm", multiline: true }],
];

const STATUS_TEXT: Record<CollabProvider["status"], string> = {
  joining: "Connecting…",
  synced: "All changes saved",
  offline: "Offline: keep typing, your edits merge when the connection returns",
  refused: "Cannot edit",
};

/** What the pane's status line says: a viewer has nothing to save, and cannot type while offline. */
function statusText(provider: CollabProvider, readOnly: boolean): string {
  if (provider.status === "refused") return provider.error ?? STATUS_TEXT.refused;
  if (readOnly) return provider.status === "synced" ? "Watching live" : provider.status === "offline" ? "Offline: the text catches up when the connection returns" : STATUS_TEXT[provider.status];
  return provider.status === "synced" && provider.pending > 0 ? "Saving…" : STATUS_TEXT[provider.status];
}

/**
 * The editing pane: the story's co-edited fields (headline, slugline, byline, abstract, body) and its other fields.
 * `onClose` (Done, Escape) goes through the desk's guard, which `guardRef` answers.
 */
export function StoryEditor({ story, me, canEdit, onClose, guardRef }: { story: StoryDetail; me: UserDto; canEdit: boolean; onClose: () => void; guardRef?: RefObject<EditorGuard | null> }) {
  const provider = useCollab(story.id, canEdit);
  const { setPresence } = useRealtimeServices();
  const [lengths, setLengths] = useState({ headline: 0, slugline: 0, abstract: 0 });
  const [words, setWords] = useState(0);
  const [showHistory, setShowHistory] = useState(false);
  // My colour told apart from everyone else's in this story (the desk's presence), as their screens work it out too.
  const people = usePresence(story.id);
  const color = storyColors([me.id, ...people.map((v) => v.userId)])(me.id);
  const user = useMemo(() => ({ name: me.name, color }), [me.name, color]);
  useEffect(() => {
    setPresence(story.id, canEdit ? "editing" : "viewing");
    return () => setPresence(null, "viewing");
  }, [story.id, canEdit, setPresence]);
  useEffect(() => {
    if (provider && canEdit) provider.awareness.setLocalStateField("user", user);
  }, [provider, canEdit, user]);
  const fieldsRef = useRef<StoryFieldsHandle | null>(null);
  const counterId = useId();
  // A story handed on opens as it is: the caret stays out of its headline, so a stray second `e` types
  // nothing (and returns nothing from the chief's queue); the pane takes the focus and says why.
  const [opensHandedOn] = useState(() => editEntry(story.state).kind === "handed_on");
  const paneRef = useRef<HTMLElement | null>(null);
  const noticeId = useId();
  const isReady = provider?.hasSynced === true;
  useEffect(() => {
    if (opensHandedOn && isReady && !isTypingTarget(document.activeElement)) paneRef.current?.focus();
  }, [opensHandedOn, isReady]);
  const { request: confirmRequest, confirm, answer } = useConfirm();
  // The co-edited text is already saved; the desk asks this before anything takes the story away (Done and Escape too).
  // Left without saving: the way out may pass the gate again (Back to the queue, a held Back let go), and asks nothing more.
  const hasLeft = useRef(false);
  useImperativeHandle(
    guardRef,
    (): EditorGuard => ({
      storyId: story.id,
      hasUnsaved: () => !hasLeft.current && (fieldsRef.current?.unsavedFields().length ?? 0) > 0,
      confirmLeave: async () => {
        const unsaved = fieldsRef.current?.unsavedFields() ?? [];
        const one = unsaved.length === 1;
        const isLeaving = await confirm({
          title: "Unsaved story fields",
          text: `${unsaved.join(", ")} ${one ? "is" : "are"} changed but not saved. Leave without saving ${one ? "it" : "them"}, or keep editing and use Save fields?`,
          confirmLabel: "Leave without saving",
          cancelLabel: "Keep editing",
        });
        await new Promise((resolve) => requestAnimationFrame(resolve)); // the question closes (and lets go of the focus) first
        if (isLeaving) hasLeft.current = true;
        else fieldsRef.current?.focusSave();
        return isLeaving;
      },
    }),
    [story.id, confirm],
  );
  useShortcuts({ leaveEditor: onClose });

  // Editors bind only to a document that holds the story; an empty one would make each write its own first paragraph.
  if (!provider || (!provider.hasSynced && provider.status !== "refused")) return <p className="p-4 text-slate-500">Connecting…</p>;
  const readOnly = !provider.canEdit;
  const limits = provider.limits;
  const doc = provider.doc;
  // The story's own text takes its direction from the story's language (Arabic, Hebrew: right to left).
  const dir = textDirection(story.language);
  const lang = story.language ?? undefined;
  const length = (field: keyof typeof lengths) => (n: number) => setLengths((l) => (l[field] === n ? l : { ...l, [field]: n }));
  return (
    <section ref={paneRef} tabIndex={-1} aria-label="Editing" aria-describedby={provider.notice ? noticeId : undefined} data-story-id={story.id} {...{ [EDITOR_PANE_ATTRIBUTE]: "" }} className="mx-auto max-w-3xl rounded p-5 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-blue-500">
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h2 className="text-sm font-semibold">{readOnly ? "Watching" : "Editing"}</h2>
        {/* On a phone the status takes the second line, so History and Done stay beside the heading. */}
        <span role="status" className="text-xs text-slate-500 max-sm:order-last max-sm:basis-full dark:text-slate-400">
          {statusText(provider, readOnly)}
        </span>
        <EditorAvatars provider={provider} />
        <WatchingAvatars storyId={story.id} myId={me.id} />
        <button type="button" aria-pressed={showHistory} onClick={() => setShowHistory((v) => !v)} className="ml-auto rounded border border-slate-300 px-2 py-0.5 text-xs font-medium hover:bg-slate-100 aria-pressed:bg-slate-200 dark:border-slate-600 dark:hover:bg-slate-800 dark:aria-pressed:bg-slate-700">
          History
        </button>
        <button type="button" aria-keyshortcuts="Escape" onClick={onClose} className="rounded border border-slate-300 px-2 py-0.5 text-xs font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800">
          Done
        </button>
      </div>
      {provider.status !== "refused" && provider.error ? (
        <p role="alert" className="mb-2 rounded bg-amber-100 px-2 py-1 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">
          {provider.error}
        </p>
      ) : null}
      {/* Always there, so a notice is read out once when it changes, not again at every reconnect; the pane,
          focused when a story handed on opens, is described by it, so it is read out then too. */}
      <p id={noticeId} role="status" className={provider.notice ? "mb-2 rounded bg-sky-100 px-2 py-1 text-xs text-sky-950 dark:bg-sky-950 dark:text-sky-100" : "sr-only"}>
        {provider.notice}
      </p>
      {!readOnly && editEntry(story.state).kind === "correction" ? (
        <p role="note" className="mb-2 rounded bg-sky-100 px-2 py-1 text-xs text-sky-950 dark:bg-sky-950 dark:text-sky-100">
          {CORRECTION_NOTICE}
        </p>
      ) : null}
      {provider.status === "refused" ? null : <AgencyUpdateBanner story={story} canEdit={!readOnly} />}
      {showHistory ? <HistoryPanel story={story} canEdit={!readOnly} /> : null}
      <StorySources sources={story.sources} />
      {provider.status === "refused" ? null : (
        <div className="grid gap-3">
          {CO_EDITED.map((row, index) => (
            <div key={index} className={row.length > 1 ? "grid grid-cols-2 gap-3" : "grid"}>
              {row.map(({ field, label, className, multiline }) => {
                const limit = field in limits ? limits[field as keyof typeof limits] : undefined;
                const counted = field in lengths ? (field as keyof typeof lengths) : null;
                return (
                  <Field key={field} label={label} counter={counted ? <Counter id={`${counterId}-${field}`} label={label} length={lengths[counted]} limit={limit} /> : undefined}>
                    <YTextField
                      text={doc.getText(field)}
                      awareness={provider.awareness}
                      label={label}
                      caretField={`caret:${field}`}
                      readOnly={readOnly}
                      dir={dir}
                      lang={lang}
                      multiline={multiline}
                      className={className}
                      onLength={counted ? length(counted) : undefined}
                      describedBy={counted ? `${counterId}-${field}` : undefined}
                      autoFocus={field === "headline" && !opensHandedOn}
                    />
                  </Field>
                );
              })}
            </div>
          ))}
          <div className="isolate grid gap-0.5 text-xs font-medium">
            <span className="flex justify-between">
              Body <Counter id={`${counterId}-body`} label="Body words" length={words} unit={words === 1 ? "word" : "words"} />
            </span>
            <BodyEditor doc={doc} awareness={provider.awareness} user={user} readOnly={readOnly} onWords={setWords} dir={dir} lang={story.language} describedBy={`${counterId}-body`} />
          </div>
          <StoryFieldsForm story={story} canEdit={!readOnly} handleRef={fieldsRef} />
        </div>
      )}
      <ConfirmDialog request={confirmRequest} onAnswer={answer} />
    </section>
  );
}
