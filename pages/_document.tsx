import { Head, Html, Main, NextScript } from "next/document";

/**
 * The public site's document. Its pages set `unstable_runtimeJS: false`, so a production build sends
 * no script at all (NextScript renders nothing): plain cacheable HTML under a `script-src 'none'` policy.
 * `theme-system` follows the reader's light or dark preference (there is no script to toggle a class).
 */
export default function PublicDocument() {
  return (
    <Html lang="en" className="theme-system">
      <Head>
        <meta name="color-scheme" content="light dark" />
      </Head>
      <body className="bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
