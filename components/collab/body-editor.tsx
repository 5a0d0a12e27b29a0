"use client";

import { Extension } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import { Selection, TextSelection } from "@tiptap/pm/state";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect } from "react";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { COLLAB_BODY_FIELD } from "@/server/contract/collab";
import { countWords } from "@/server/contract/word-count";

interface BodyEditorProps {
  doc: Y.Doc;
  awareness: Awareness;
  user: { name: string; color: string };
  readOnly: boolean;
  onWords: (words: number) => void;
  /** Writing direction and language of the story's text (from its language; `auto` when unknown). */
  dir: "rtl" | "ltr" | "auto";
  lang: string | null;
  /** The id of what describes the body (its word count). */
  describedBy?: string;
}

/**
 * Ctrl+Home (and Ctrl+Shift+Home, selecting) to the start of the body. Chromium leaves the caret where it
 * is on Ctrl+Home in this editor (Ctrl+End works), so the editor does it itself.
 */
const DocumentStart = Extension.create({
  name: "documentStart",
  addKeyboardShortcuts() {
    const toStart = (extend: boolean) => () =>
      this.editor.commands.command(({ tr, state }) => {
        const start = Selection.atStart(state.doc).from;
        tr.setSelection(TextSelection.create(state.doc, extend ? state.selection.anchor : start, start)).scrollIntoView();
        return true;
      });
    return { "Ctrl-Home": toStart(false), "Ctrl-Shift-Home": toStart(true) };
  },
});

const BUTTON = "rounded px-1.5 py-0.5 text-xs font-semibold hover:bg-slate-200 aria-pressed:bg-slate-300 dark:hover:bg-slate-700 dark:aria-pressed:bg-slate-600";

/** The body: Tiptap on the story's shared Y.XmlFragment, with everyone's named, coloured carets. */
export function BodyEditor({ doc, awareness, user, readOnly, onWords, dir, lang, describedBy }: BodyEditorProps) {
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: !readOnly,
      extensions: [
        // The shared document has its own history; ProseMirror's would undo other people's typing.
        StarterKit.configure({ undoRedo: false, heading: { levels: [2, 3] }, link: { openOnClick: false, protocols: ["http", "https", "mailto"] } }),
        Collaboration.configure({ document: doc, field: COLLAB_BODY_FIELD }),
        CollaborationCaret.configure({ provider: { awareness }, user }),
        DocumentStart,
      ],
      editorProps: {
        attributes: {
          role: "textbox",
          "aria-label": "Body",
          "aria-multiline": "true",
          ...(describedBy ? { "aria-describedby": describedBy } : {}),
          dir,
          ...(lang ? { lang } : {}),
          class: "story-body min-h-48 rounded border border-slate-300 bg-white px-3 py-2 text-[14px] outline-none focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 dark:border-slate-600 dark:bg-slate-900",
        },
      },
      onCreate: ({ editor: created }) => onWords(countWords(created.getText())),
      onUpdate: ({ editor: updated }) => onWords(countWords(updated.getText())),
    },
    [doc, awareness, readOnly, dir, lang, describedBy],
  );
  useEffect(() => {
    if (editor && !readOnly) editor.commands.updateUser(user);
  }, [editor, user, readOnly]);

  // The toolbar follows the caret: each button is pressed where its mark or block applies.
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ bold: e?.isActive("bold") ?? false, italic: e?.isActive("italic") ?? false, subhead: e?.isActive("heading") ?? false, list: e?.isActive("bulletList") ?? false, quote: e?.isActive("blockquote") ?? false }),
  });
  const tool = (name: keyof NonNullable<typeof active>, label: string, text: string, run: () => void) => (
    <button type="button" aria-pressed={active?.[name] ?? false} aria-label={label} onMouseDown={(e) => e.preventDefault()} onClick={run} className={BUTTON}>
      {text}
    </button>
  );
  return (
    <div>
      {readOnly ? null : (
        <div role="toolbar" aria-label="Body formatting" className="mb-1 flex gap-1">
          {tool("bold", "Bold", "B", () => editor?.chain().focus().toggleBold().run())}
          {tool("italic", "Italic", "I", () => editor?.chain().focus().toggleItalic().run())}
          {tool("subhead", "Subhead", "Subhead", () => editor?.chain().focus().toggleHeading({ level: 2 }).run())}
          {tool("list", "List", "List", () => editor?.chain().focus().toggleBulletList().run())}
          {tool("quote", "Quote", "Quote", () => editor?.chain().focus().toggleBlockquote().run())}
          <button
            type="button"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              const href = window.prompt("Link address (http, https or mailto)");
              if (href) editor?.chain().focus().setLink({ href }).run();
            }}
            className={BUTTON}
          >
            Link
          </button>
        </div>
      )}
      <EditorContent editor={editor} />
    </div>
  );
}
