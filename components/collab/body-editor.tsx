"use client";

import { Extension, type Editor } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import { Selection, TextSelection } from "@tiptap/pm/state";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useId, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import { COLLAB_BODY_FIELD } from "@/server/contract/collab";
import { isAllowedLink } from "@/server/contract/link-schemes";
import { countWords } from "@/server/contract/word-count";
import { LinkForm } from "./link-form";

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

/** Ctrl+K (Cmd+K on a Mac) opens the link form, as the toolbar's Link button does. */
const LinkShortcut = Extension.create<{ open: (editor: Editor) => void }>({
  name: "linkShortcut",
  addOptions: () => ({ open: () => {} }),
  addKeyboardShortcuts() {
    return {
      "Mod-k": () => {
        if (this.editor.isEditable) this.options.open(this.editor);
        // Handled either way: the browser's own Ctrl+K (its search bar) never takes the focus from the text.
        return true;
      },
    };
  },
});

/**
 * Tiptap's own caret (its classes, the name in a label) hidden from screen readers: it sits inside the
 * text, where a co-editor's name would be read out in the middle of a sentence. Who is in the story is
 * said once, in the pane's "Editing now" list.
 */
function hiddenCaret(user: Record<string, unknown>): HTMLElement {
  const caret = CollaborationCaret.options.render(user);
  caret.setAttribute("aria-hidden", "true");
  return caret;
}

/** The address of the link where the caret is ("" outside a link). */
const linkAt = (editor: Editor): string => String(editor.getAttributes("link").href ?? "");

/**
 * Sets the selection's link to `href`, or removes it with "". At a bare caret the link under it
 * changes as a whole (and the caret stays put); outside a link the address goes in as its own linked text.
 */
function applyLink(editor: Editor, href: string): void {
  const chain = editor.chain().focus();
  const { empty, from } = editor.state.selection;
  if (href === "") chain.unsetLink().run();
  else if (!empty) chain.setLink({ href }).run();
  else if (editor.isActive("link")) chain.extendMarkRange("link").setLink({ href }).setTextSelection(from).run();
  // The typing that follows is not part of the link.
  else chain.insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] }).unsetMark("link").run();
}

const BUTTON = "rounded px-1.5 py-0.5 text-xs font-semibold hover:bg-slate-200 aria-expanded:bg-slate-300 aria-pressed:bg-slate-300 dark:hover:bg-slate-700 dark:aria-expanded:bg-slate-600 dark:aria-pressed:bg-slate-600";

/** The body: Tiptap on the story's shared Y.XmlFragment, with everyone's named, coloured carets. */
export function BodyEditor({ doc, awareness, user, readOnly, onWords, dir, lang, describedBy }: BodyEditorProps) {
  // The open link form: the address it opened with, and a count so that opening it again starts afresh.
  const [linkForm, setLinkForm] = useState<{ href: string; opened: number } | null>(null);
  const linkFormId = useId();
  const openLinkForm = (on: Editor) => setLinkForm((form) => ({ href: linkAt(on), opened: (form?.opened ?? 0) + 1 }));
  const closeLinkForm = () => {
    setLinkForm(null);
    editor?.commands.focus();
  };
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable: !readOnly,
      extensions: [
        // The shared document has its own history; ProseMirror's would undo other people's typing.
        // Links by the same schemes as the server's (set, pasted or typed): none it would drop.
        StarterKit.configure({ undoRedo: false, heading: { levels: [2, 3] }, link: { openOnClick: false, isAllowedUri: isAllowedLink } }),
        Collaboration.configure({ document: doc, field: COLLAB_BODY_FIELD }),
        CollaborationCaret.configure({ provider: { awareness }, user, render: hiddenCaret }),
        DocumentStart,
        LinkShortcut.configure({ open: (on) => openLinkForm(on) }),
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
    selector: ({ editor: e }) => ({ bold: e?.isActive("bold") ?? false, italic: e?.isActive("italic") ?? false, subhead: e?.isActive("heading") ?? false, list: e?.isActive("bulletList") ?? false, quote: e?.isActive("blockquote") ?? false, link: e?.isActive("link") ?? false }),
  });
  const tool = (name: keyof NonNullable<typeof active>, label: string, text: string, run: () => void) => (
    <button type="button" aria-pressed={active?.[name] ?? false} aria-label={label} onMouseDown={(e) => e.preventDefault()} onClick={run} className={BUTTON}>
      {text}
    </button>
  );
  return (
    <div>
      {readOnly ? null : (
        // Sticky: formatting the end of a long body needs no scrolling back up (below 1,280 px, under the pane's "Back to the queue" bar).
        <div role="toolbar" aria-label="Body formatting" className="sticky top-0 z-30 mb-1 flex gap-1 bg-white py-0.5 max-xl:top-9 dark:bg-slate-950">
          {tool("bold", "Bold", "B", () => editor?.chain().focus().toggleBold().run())}
          {tool("italic", "Italic", "I", () => editor?.chain().focus().toggleItalic().run())}
          {tool("subhead", "Subhead", "Subhead", () => editor?.chain().focus().toggleHeading({ level: 2 }).run())}
          {tool("list", "List", "List", () => editor?.chain().focus().toggleBulletList().run())}
          {tool("quote", "Quote", "Quote", () => editor?.chain().focus().toggleBlockquote().run())}
          <button
            type="button"
            aria-expanded={linkForm !== null}
            aria-controls={linkForm ? linkFormId : undefined}
            aria-keyshortcuts="Control+K Meta+K"
            // A disclosure (it opens the form), so not aria-pressed: the caret in a link is said in its description (and tooltip) and shown like a pressed tool.
            title={active?.link ? "The caret is in a link: edit or remove it (Ctrl+K)" : "Make the selection a link (Ctrl+K)"}
            data-in-link={active?.link ? "true" : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => (linkForm ? closeLinkForm() : editor && openLinkForm(editor))}
            className={`${BUTTON} data-in-link:bg-slate-300 data-in-link:underline dark:data-in-link:bg-slate-600`}
          >
            Link
          </button>
        </div>
      )}
      {readOnly || !linkForm || !editor ? null : (
        <LinkForm
          key={linkForm.opened}
          id={linkFormId}
          href={linkForm.href}
          onApply={(href) => {
            setLinkForm(null);
            applyLink(editor, href);
          }}
          onCancel={closeLinkForm}
        />
      )}
      <EditorContent editor={editor} />
    </div>
  );
}
