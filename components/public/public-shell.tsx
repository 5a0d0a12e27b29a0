import type { ReactNode } from "react";

/** The public site's frame: masthead with the feeds, and the page's content. Plain HTML, no script. */
export function PublicShell({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="border-b border-slate-200 dark:border-slate-800">
        <div className="mx-auto flex max-w-3xl items-baseline justify-between gap-4 px-4 py-3">
          <a href="/news" className="text-lg font-bold tracking-tight">
            Wiredesk news
          </a>
          <nav aria-label="Feeds" className="flex gap-3 text-sm text-slate-600 dark:text-slate-400">
            <a href="/feed.rss" className="hover:underline">
              RSS
            </a>
            <a href="/feed.atom" className="hover:underline">
              Atom
            </a>
          </nav>
        </div>
      </header>
      <main className="mx-auto max-w-3xl px-4 py-6">{children}</main>
    </>
  );
}
