"use client";

import { useEffect, useRef, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { isTypingTarget } from "../keyboard/shortcuts";
import { FIELD_CONTROL } from "./field";

/**
 * A remote caret: where (in px from the field's left edge; unused in a multi-line field, where only who
 * is in it is shown), whose, what colour, and which way it lies when scrolled out of the field's view.
 */
interface RemoteCaret {
  clientId: number;
  name: string;
  color: string;
  left: number;
  outOfView: "start" | "end" | null;
  /** In the field's right half: the name hangs back to the left, so it stays over the field. */
  hangsBack: boolean;
}

/** How far into the padding a caret may sit and still be in view (a caret at the end of text scrolled to its end). */
const CARET_SLACK_PX = 3;

/** A caret `left` px from the field's left edge, kept inside its text box (`padding` each side) with the side it left by. */
export function placeCaret(left: number, width: number, padding: number, isRtl: boolean): { left: number; outOfView: "start" | "end" | null } {
  const [min, max] = [padding, width - padding];
  const clamped = Math.min(max, Math.max(min, left));
  if (Math.abs(clamped - left) <= CARET_SLACK_PX) return { left: clamped, outOfView: null };
  const beforeStart = isRtl ? left > max : left < min;
  return { left: clamped, outOfView: beforeStart ? "start" : "end" };
}

const LOCAL = Symbol("local-input");

/**
 * Moves an index of the text before a Y.Text change (retain/insert/delete ops) to the same place after
 * it. Text inserted exactly at the index goes after it when `keepLeft` (a caret stays right after what
 * its typist just typed, so two people typing at the same spot each keep their own word together) and
 * before it otherwise (the start of a selection stays on its first character).
 */
export function shiftIndex(index: number, delta: readonly { retain?: number; insert?: unknown; delete?: number }[], keepLeft: boolean): number {
  let old = 0; // where the walk is in the text before the change
  let result = index;
  for (const op of delta) {
    if (old > index) break;
    if (op.retain) old += op.retain;
    else if (typeof op.insert === "string") {
      if (old < index || !keepLeft) result += op.insert.length;
    } else if (op.delete) {
      result -= Math.min(op.delete, Math.max(0, index - old));
      old += op.delete;
    }
  }
  return Math.max(0, result);
}

/**
 * The one edit that turns `before` into `after` (a field's value after an input event): text typed or
 * pasted ends at the collapsed `caret`, so it is placed right there, even next to the same letters (a
 * diff alone would put an "e" typed before another "e" after it, behind a co-editor's text); anything
 * else is what lies between the common start and the common end.
 */
export function textEdit(before: string, after: string, caret: number | null): { at: number; removed: number; inserted: string } {
  const grown = after.length - before.length;
  if (caret !== null && grown > 0 && caret >= grown && after.startsWith(before.slice(0, caret - grown)) && after.endsWith(before.slice(caret - grown))) {
    return { at: caret - grown, removed: 0, inserted: after.slice(caret - grown, caret) };
  }
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return { at: prefix, removed: before.length - prefix - suffix, inserted: after.slice(prefix, after.length - suffix) };
}

/** Makes `edit` (see {@link textEdit}) one Yjs transaction of `origin` on the text. */
export function applyTextEdit(text: Y.Text, edit: { at: number; removed: number; inserted: string }, origin: unknown): void {
  text.doc!.transact(() => {
    if (edit.removed > 0) text.delete(edit.at, edit.removed);
    if (edit.inserted) text.insert(edit.at, edit.inserted);
  }, origin);
}

/**
 * The undo or redo an event asks for: Ctrl+Z (Cmd+Z) undoes, Ctrl+Shift+Z (Cmd+Shift+Z) and Ctrl+Y redo;
 * the browser's own Undo and Redo commands arrive as `beforeinput`.
 */
function historyStep(event: Event): "undo" | "redo" | null {
  if (event instanceof InputEvent) return event.inputType === "historyUndo" ? "undo" : event.inputType === "historyRedo" ? "redo" : null;
  if (!(event instanceof KeyboardEvent) || !(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === "z") return event.shiftKey ? "redo" : "undo";
  if (key === "y" && !event.shiftKey) return "redo";
  return null;
}

let measure: CanvasRenderingContext2D | null = null;
/** The width of `text` in the element's font. */
function textWidth(element: HTMLElement, text: string): number {
  measure ??= document.createElement("canvas").getContext("2d");
  if (!measure) return 0;
  const style = getComputedStyle(element);
  measure.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return measure.measureText(text).width;
}

interface YTextFieldProps {
  text: Y.Text;
  awareness: Awareness;
  label: string;
  /** The awareness field that carries this field's caret (`caret:headline`, ...). */
  caretField: string;
  readOnly: boolean;
  multiline?: boolean;
  className?: string;
  onLength?: (length: number) => void;
  /** Writing direction and language of the story's text (`rtl` for Arabic and Hebrew copy). */
  dir?: "rtl" | "ltr" | "auto";
  lang?: string;
  /** The id of what describes the field (its length counter). */
  describedBy?: string;
  /** Takes the focus once bound, with the caret at the end of the text (opening the editor puts it in the headline). */
  autoFocus?: boolean;
}

/**
 * A plain input (or textarea) bound to a Y.Text: typing becomes Yjs inserts and deletes (one
 * transaction per input event), remote changes move into the field keeping the caret where it was,
 * and other people's carets are drawn over the field with their name and colour (at the field's edge,
 * with an arrow, when scrolled out of its view; in a multi-line field, their names at its top corner).
 */
export function YTextField({ text, awareness, label, caretField, readOnly, multiline, className, onLength, dir, lang, describedBy, autoFocus }: YTextFieldProps) {
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [carets, setCarets] = useState<RemoteCaret[]>([]);
  const lengthRef = useRef(onLength);
  lengthRef.current = onLength;

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.value = text.toJSON();
    lengthRef.current?.(element.value.length);
    const doc = text.doc!;
    const publishCaret = () => {
      if (readOnly || document.activeElement !== element) return;
      const anchor = Y.createRelativePositionFromTypeIndex(text, element.selectionStart ?? 0);
      const head = Y.createRelativePositionFromTypeIndex(text, element.selectionEnd ?? 0);
      awareness.setLocalStateField(caretField, { anchor: Y.relativePositionToJSON(anchor) as unknown, head: Y.relativePositionToJSON(head) as unknown });
    };
    const clearCaret = () => awareness.setLocalStateField(caretField, null);
    const drawCarets = () => {
      const style = getComputedStyle(element);
      // Right-to-left text starts at the right edge: a caret sits that far from the right.
      const isRtl = style.direction === "rtl";
      const padding = isRtl ? parseFloat(style.paddingRight) + parseFloat(style.borderRightWidth) : parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
      const next: RemoteCaret[] = [];
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === doc.clientID) continue;
        const caret = (state as Record<string, unknown>)[caretField] as { head?: unknown } | null | undefined;
        const user = (state as { user?: { name?: string; color?: string } }).user;
        if (!caret?.head || !user?.name) continue;
        const position = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(caret.head), doc);
        if (!position || position.type !== text) continue;
        const person = { clientId, name: user.name, color: user.color ?? "#1971c2" };
        // A wrapped multi-line field has no simple place for the caret: it says who is typing in it.
        if (multiline) {
          next.push({ ...person, left: 0, outOfView: null, hangsBack: false });
          continue;
        }
        const offset = padding + textWidth(element, element.value.slice(0, position.index));
        const left = isRtl ? element.offsetWidth - offset - element.scrollLeft : offset - element.scrollLeft;
        const placed = placeCaret(left, element.offsetWidth, padding, isRtl);
        next.push({ ...person, ...placed, hangsBack: placed.left > element.offsetWidth / 2 });
      }
      setCarets(next);
    };
    const onChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      if (transaction.origin === LOCAL) return;
      const delta = event.delta as { retain?: number; insert?: unknown; delete?: number }[];
      const [from, to] = [element.selectionStart ?? 0, element.selectionEnd ?? 0];
      const start = shiftIndex(from, delta, from === to);
      const end = shiftIndex(to, delta, true);
      element.value = text.toJSON();
      if (document.activeElement === element) element.setSelectionRange(start, end);
      lengthRef.current?.(element.value.length);
      drawCarets();
    };
    const onInput = () => {
      const after = multiline ? element.value : element.value.replace(/[\r\n]+/g, " ");
      const caret = element.selectionStart === element.selectionEnd ? element.selectionStart : null;
      const edit = textEdit(text.toJSON(), after, caret);
      applyTextEdit(text, edit, LOCAL);
      lengthRef.current?.(after.length);
      publishCaret();
    };
    // Writing the value clears the browser's own undo history, and would undo co-editors' typing too:
    // undo and redo take back this person's own changes only, as in the body.
    const undo = new Y.UndoManager(text, { trackedOrigins: new Set([LOCAL]), captureTimeout: 500 });
    const onHistory = (event: Event) => {
      const step = historyStep(event);
      if (!step) return;
      event.preventDefault();
      if (readOnly) return;
      if (step === "undo") undo.undo();
      else undo.redo();
    };
    element.addEventListener("keydown", onHistory);
    element.addEventListener("beforeinput", onHistory);
    // Typing goes into the Y.Text; any caret move is published; leaving the field clears the caret.
    const listeners: [string, () => void][] = [
      ["input", onInput],
      ["select", publishCaret],
      ["keyup", publishCaret],
      ["mouseup", publishCaret],
      ["focus", publishCaret],
      ["blur", clearCaret],
      ["scroll", drawCarets],
    ];
    text.observe(onChange);
    awareness.on("change", drawCarets);
    for (const [event, listener] of listeners) element.addEventListener(event, listener);
    drawCarets();
    return () => {
      text.unobserve(onChange);
      awareness.off("change", drawCarets);
      for (const [event, listener] of listeners) element.removeEventListener(event, listener);
      element.removeEventListener("keydown", onHistory);
      element.removeEventListener("beforeinput", onHistory);
      undo.destroy();
    };
  }, [text, awareness, caretField, readOnly, multiline]);
  useEffect(() => {
    const element = ref.current;
    if (!autoFocus || readOnly || !element) return;
    // Never taken from a field the editor went on typing in while the pane was connecting.
    if (document.activeElement !== element && isTypingTarget(document.activeElement)) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, [autoFocus, readOnly]);

  const control = { ref, "aria-label": label, "aria-describedby": describedBy, readOnly, spellCheck: true, dir, lang, className: `${FIELD_CONTROL} ${className ?? ""}` };
  return (
    <div className="relative">
      {multiline ? <textarea {...control} rows={3} /> : <input {...control} type="text" autoComplete="off" />}
      {/* The body's caret classes (app/globals.css), so every field shows a person the same way; hidden from
          screen readers as the body's is (the name would be read as part of the field's label). */}
      {multiline ? (
        <span aria-hidden="true" className="pointer-events-none absolute top-1 right-1 flex gap-1">
          {carets.map((caret) => (
            <span key={caret.clientId} data-caret-for={label} className="rounded-sm px-1 text-[10px] font-semibold leading-[14px] text-white" style={{ backgroundColor: caret.color }}>
              {caret.name}
            </span>
          ))}
        </span>
      ) : (
        carets.map((caret) => (
          <span key={caret.clientId} data-caret-for={label} data-out-of-view={caret.outOfView ?? undefined} aria-hidden="true" className="collaboration-carets__caret absolute top-0.5 bottom-0.5" style={{ left: caret.left, borderColor: caret.color }}>
            {/* Out of view, the arrow points the way it lies on screen: to the right edge's side or the left's, whatever the text's direction. */}
            <span className="collaboration-carets__label" data-toward={caret.hangsBack ? "start" : undefined} style={{ backgroundColor: caret.color }}>
              {caret.outOfView && !caret.hangsBack ? "◂ " : null}
              {caret.name}
              {caret.outOfView && caret.hangsBack ? " ▸" : null}
            </span>
          </span>
        ))
      )}
    </div>
  );
}
