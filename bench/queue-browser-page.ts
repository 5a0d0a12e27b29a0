/** The browser side of bench/queue-browser.ts: scripts run in the page, and how the page is driven. */
import type { Page } from "@playwright/test";

// Long tasks for the figure; long animation frames (with the scripts that ran) to explain them.
export const OBSERVERS = `(() => {
  window.__longTasks = [];
  window.__slowFrames = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.duration < 50) continue;
        window.__slowFrames.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
          scripts: (e.scripts || []).map((s) => ({ invoker: s.invoker, source: (s.sourceURL || "").split("/").pop() + ":" + s.sourceFunctionName, duration: Math.round(s.duration) })) });
      }
    }).observe({ type: "long-animation-frame", buffered: true });
  } catch {}
})()`;

// Runs in the page (a string: tsx would wrap named functions in a helper the page lacks). It only
// watches frame intervals; the scrolling itself comes from real wheel input.
export const WATCHER = `(() => {
  const list = document.querySelector('[role="listbox"][aria-label="Wire queue"]');
  window.__frames = [];
  window.__stop = false;
  window.__longTasks = [];
  window.__slowFrames = [];
  list.scrollTop = list.scrollHeight / 2;
  let last = performance.now();
  const step = (now) => {
    window.__frames.push(now - last);
    last = now;
    if (!window.__stop) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
  return performance.now();
})()`;

/**
 * Scrolls the queue with the mouse wheel like an editor skimming, taking the "N new" (key n) every
 * `revealMs` (0: never), until `isDone`. Returns the distance scrolled (read once a second, so the
 * measuring forces no extra layouts).
 */
export async function scrollLikeAnEditor(page: Page, revealMs: number, isDone: () => boolean): Promise<number> {
  const list = page.getByRole("listbox", { name: "Wire queue" });
  const box = await list.boundingBox();
  if (!box) throw new Error("the queue is not on screen");
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const scrollTop = () => list.evaluate((el) => el.scrollTop);
  let direction = -1;
  let lastReveal = Date.now();
  let lastRead = Date.now();
  let lastTop = await scrollTop();
  let scrolled = 0;
  while (!isDone()) {
    await page.mouse.wheel(0, direction * 66);
    if (Math.random() < 0.01) direction = -direction;
    if (revealMs > 0 && Date.now() - lastReveal > revealMs) {
      lastReveal = Date.now();
      await page.keyboard.press("n");
      direction = 1;
    }
    if (Date.now() - lastRead > 1000) {
      const top = await scrollTop();
      scrolled += Math.abs(top - lastTop);
      lastTop = top;
      lastRead = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 16));
  }
  return scrolled;
}

/** How many stories the queue holds (its data-loaded-count). */
export function loadedCount(page: Page): Promise<number> {
  return page.getByRole("listbox", { name: "Wire queue" }).evaluate((el) => Number(el.getAttribute("data-loaded-count")));
}

/** Scrolls to the end of the loaded queue until it holds `target` stories (the queue pages in as you scroll). */
export async function loadQueue(page: Page, target: number, log: (line: string) => void): Promise<number> {
  const list = page.getByRole("listbox", { name: "Wire queue" });
  let count = await loadedCount(page);
  let stalled = 0;
  while (count < target && stalled < 50) {
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.waitForTimeout(100);
    const next = await loadedCount(page);
    stalled = next === count ? stalled + 1 : 0;
    if (Math.floor(next / 10_000) > Math.floor(count / 10_000)) log(`loaded ${next} stories`);
    count = next;
  }
  return count;
}
