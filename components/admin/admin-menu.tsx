"use client";

import Link from "next/link";
import { Popover } from "../ui/popover";
import { ADMIN_PAGES } from "./admin-pages";

/** The desk header's one entry to every admin screen (a menu, so the header fits on one line). */
export function AdminMenu() {
  return (
    <Popover label="Admin" align="right" buttonText="Admin ▾">
      {(close) => (
        <nav aria-label="Admin screens" className="flex min-w-40 flex-col">
          {ADMIN_PAGES.map((page) => (
            <Link key={page.href} href={page.href} onClick={close} className="rounded px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800">
              {page.label}
            </Link>
          ))}
        </nav>
      )}
    </Popover>
  );
}
