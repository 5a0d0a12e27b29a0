import { expect, type Locator, type Page } from "@playwright/test";

/**
 * A screen that shows wire copy: where it is and what shows it finished rendering. Every surface that
 * renders agency text (queue, story view, and later the editor, history diff, public site and feeds)
 * joins the hostile-copy test by adding itself to the list given to {@link expectNoXssOn}.
 */
export interface XssSurface {
  name: string;
  /** A path on the desk (or a full URL for the public site). */
  url: string;
  /** Visible once the hostile copy is on screen. */
  ready: (page: Page) => Locator;
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
          if (/^(javascript|vbscript):/.test(value) || (urlAttributes.includes(name) && /^data:|url=(javascript|vbscript|data):/.test(value))) {
            problems.push(`<${tag} ${name}="${attribute.value.slice(0, 40)}">`);
          }
          if (name === "style" && /expression\(|javascript:|url\(/i.test(attribute.value)) problems.push(`<${tag} style="${attribute.value.slice(0, 40)}">`);
        }
        // The desk itself never uses these; in wire copy they could load or redirect anything.
        if (["iframe", "frame", "frameset", "object", "embed", "base"].includes(tag)) problems.push(`<${tag}> element`);
        if (tag === "meta" && el.hasAttribute("http-equiv")) problems.push("<meta http-equiv> element");
        // The page's own scripts carry the CSP nonce; a script without one came from somewhere else.
        if (tag === "script" && !(el as HTMLScriptElement).nonce) problems.push(`<script> without nonce: ${(el.textContent ?? "").slice(0, 40)}`);
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
      await page.goto(surface.url);
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
