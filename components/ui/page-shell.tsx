import Link from "next/link";
import type { ReactNode } from "react";

/** The frame of a secondary page (account, admin): a way back to the desk, a heading, the content. */
export function PageShell({ title, width = "max-w-4xl", children }: { title: string; width?: string; children: ReactNode }) {
  return (
    <main className={`mx-auto ${width} space-y-4 p-6`}>
      <Link href="/" className="text-xs text-blue-700 underline dark:text-blue-300">
        ← Back to the desk
      </Link>
      <h1 className="text-lg font-semibold">{title}</h1>
      {children}
    </main>
  );
}
