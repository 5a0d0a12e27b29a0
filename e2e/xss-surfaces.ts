import { expect, type Locator, type Page } from "./desk-test";

/**
 * A screen that shows wire copy: where it is and what shows it finished rendering. Every surface that
 * renders agency text (queue, story view, editor, the editor's history and its diffs, public site)
 * joins the hostile-copy test by adding itself to the list given to {@link expectNoXssOn}.
 */
export interface XssSurface {
  name: string;
  /** A path on the desk or the public site (`/news`, `/news/<slug>-<id>`); none stays on the page the surface before left. */
  url?: string;
  /** Visible once the hostile copy is on screen. */
  ready: (page: Page) => Locator;
  /** What opens the surface once the page is loaded (e.g. the editor's Edit button). */
  open?: (page: Page) => Promise<void>;
}

/** Attributes that load or navigate to a URL: a javascript:/vbscript:/data: value in them could run. */
const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "srcdoc", "to", "values", "from", "content"];

/** Everything in the page (and its frames) that shows injected code could run or did run. */
async function findInjected(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const frame of page.frames()) {
    const inFrame = await frame.evaluate((urlAttributes) => {
      const problems: string[] = [];
      const marker = (window as unknown as { __xss?: unknown }).__xss;
      if (marker !== undefined) problems.push(`window.__xss is ${JSON.stringify(marker)}`);
      for (const el of Array.from(document.querySelectorAll("*"))) {
        const tag = el.tagName.toLowerCase();
        for (const attribute of Array.from(el.attributes)) {
          const name = attribute.name.toLowerCase();
          // eslint-disable-next-line no-control-regex -- browsers skip control characters inside a URL scheme
          const value = attribute.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
          if (name.startsWith("on")) problems.push(`<${tag} ${name}="${attribute.value.slice(0, 40)}">`);
          // A <meta> content is a URL only with http-equiv (flagged below); og:title and description carry the headline as text.
          const isMetaText = tag === "meta" && name === "content" && !el.hasAttribute("http-equiv");
          if (!isMetaText && (/^(javascript|vbscript):/.test(value) || (urlAttributes.includes(name) && /^data:|url=(javascript|vbscript|data):/.test(value)))) {
            problems.push(`<${tag} ${name}="${attribute.value.slice(0, 40)}">`);
          }
          if (name === "style" && /expression\(|javascript:|url\(/i.test(attribute.value)) problems.push(`<${tag} style="${attribute.value.slice(0, 40)}">`);
        }
        // The desk itself never uses these; in wire copy they could load or redirect anything.
        if (["iframe", "frame", "frameset", "object", "embed", "base"].includes(tag)) problems.push(`<${tag}> element`);
        if (tag === "meta" && el.hasAttribute("http-equiv")) problems.push("<meta http-equiv> element");
        // The desk's own scripts carry the CSP nonce, and the chunks Next's runtime loads later (the editor
        // is loaded on demand) come from its own /_next/static/ (trusted by 'strict-dynamic'); any other
        // script came from somewhere else. The public site ships no script at all (its production pages
        // drop Next's runtime), so any script there is foreign.
        const script = el as HTMLScriptElement;
        const isPublicSite = location.pathname === "/news" || location.pathname.startsWith("/news/");
        const source = tag === "script" && script.src ? new URL(script.src, location.href) : null;
        const isNextChunk = source !== null && source.origin === location.origin && source.pathname.startsWith("/_next/static/");
        if (tag === "script" && isPublicSite) problems.push(`<script> on the public site: ${(el.textContent ?? script.src).slice(0, 40)}`);
        if (tag === "script" && !isPublicSite && !script.nonce && !isNextChunk) problems.push(`<script> without nonce: ${(script.src || el.textContent || "").slice(0, 60)}`);
      }
      return problems;
    }, URL_ATTRIBUTES);
    found.push(...inFrame.map((p) => (frame === page.mainFrame() ? p : `frame ${frame.url()}: ${p}`)));
  }
  return found;
}

/**
 * Opens each surface in turn and asserts that no injected code ran (no dialog, no `window.__xss`) and
 * that nothing that could run is in the DOM (no on* attribute, no javascript:/vbscript:/data: URL, no
 * frames, plugins, <base>, <meta http-equiv> or foreign scripts). Use a browser context created with
 * `bypassCSP: true`, so it is the sanitizers that are tested and not the Content-Security-Policy.
 */
export async function expectNoXssOn(page: Page, surfaces: readonly XssSurface[]): Promise<void> {
  const dialogs: string[] = [];
  const onDialog = (dialog: { type(): string; message(): string; dismiss(): Promise<void> }) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  };
  page.on("dialog", onDialog);
  try {
    for (const surface of surfaces) {
      if (surface.url !== undefined) await page.goto(surface.url);
      await surface.open?.(page);
      await expect(surface.ready(page), `${surface.name} did not render`).toBeVisible();
      // Error handlers of broken images and media fire asynchronously; give them time to (not) run.
      await page.waitForLoadState("load");
      await page.waitForTimeout(300);
      expect({ surface: surface.name, dialogs, injected: await findInjected(page) }).toEqual({ surface: surface.name, dialogs: [], injected: [] });
    }
  } finally {
    page.off("dialog", onDialog);
  }
}
