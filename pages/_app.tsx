import type { AppProps } from "next/app";
import { PublicShell } from "@/components/public/public-shell";
import "../app/globals.css";

/** The pages router serves only the public site (`/news`); the desk lives in `app/`. */
export default function PublicApp({ Component, pageProps }: AppProps) {
  return (
    <PublicShell>
      <Component {...pageProps} />
    </PublicShell>
  );
}
