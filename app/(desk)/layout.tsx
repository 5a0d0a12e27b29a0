import type { Metadata } from "next";
import { cookies } from "next/headers";
import { THEME_COOKIE, themeClass } from "@/components/desk/theme";
import type { ReactNode } from "react";
import "../globals.css";
import { Providers } from "../providers";

export const metadata: Metadata = { title: "Wiredesk", description: "The live wire desk" };

/** The HTML shell. Rendered per request so Next can put the CSP nonce on its scripts. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading a cookie makes the page dynamic, so each response carries its own CSP nonce.
  const theme = themeClass((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang="en" className={theme} suppressHydrationWarning>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
