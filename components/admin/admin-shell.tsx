"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { ADMIN_PAGES } from "./admin-pages";

/** The frame of every admin screen: back to the desk, the admin screens (this one marked), a heading, the content. */
export function AdminShell({ title, width = "max-w-7xl", children }: { title: string; width?: string; children: ReactNode }) {
  const pathname = usePathname();
  return (
    <div className="min-h-dvh">
      <header className="border-b border-slate-200 dark:border-slate-800">
        <nav aria-label="Admin" className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-1 gap-y-0.5 px-4 py-1.5 text-xs sm:px-6">
          <Link href="/" className="mr-2 rounded px-2 py-1 font-semibold text-blue-700 hover:bg-slate-100 dark:text-blue-300 dark:hover:bg-slate-800">
            ← Back to the desk
          </Link>
          {ADMIN_PAGES.map((page) => (
            <Link
              key={page.href}
              href={page.href}
              aria-current={pathname === page.href ? "page" : undefined}
              className={`whitespace-nowrap rounded px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800 ${pathname === page.href ? "bg-slate-200 font-semibold dark:bg-slate-800" : "text-slate-600 dark:text-slate-300"}`}
            >
              {page.label}
            </Link>
          ))}
        </nav>
      </header>
      {/* Wide tables scroll inside the page on a phone; the page itself never scrolls sideways. */}
      <main className={`mx-auto ${width} relative min-w-0 space-y-4 overflow-x-auto p-4 sm:p-6`}>
        <h1 className="text-lg font-semibold">{title}</h1>
        {children}
      </main>
    </div>
  );
}
