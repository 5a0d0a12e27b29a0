import type { Metadata } from "next";
import { cookies } from "next/headers";
import { THEME_COOKIE, themeClass } from "@/components/desk/theme";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = { title: "Not found · Wiredesk" };

/**
 * The 404 for any path no page answers. The desk's root layout sits in the (desk) route group, so Next
 * would otherwise serve a page it prerendered at build time, whose scripts carry no nonce and which the
 * desk's CSP blocks. Reading the theme cookie renders it per request, with this request's nonce.
 */
export default async function GlobalNotFound() {
  const theme = themeClass((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={theme}>
      <body>
        <main className="mx-auto max-w-md p-8 text-sm">
          <h1 className="mb-2 text-lg font-semibold">Nothing here</h1>
          <p className="mb-4 text-slate-600 dark:text-slate-300">No page of the desk has this address. It may have been mistyped, or the link is old.</p>
          <Link href="/" className="text-blue-700 underline dark:text-blue-400">
            Back to the desk
          </Link>
        </main>
      </body>
    </html>
  );
}
