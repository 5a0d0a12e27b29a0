"use client";

import { useSyncExternalStore } from "react";
import { THEME_COOKIE } from "./theme";

const SYSTEM_DARK = "(prefers-color-scheme: dark)";

/** Whether the desk shows dark now: the editor's choice, or the system's setting until they choose. */
function showsDark(): boolean {
  const html = document.documentElement.classList;
  return html.contains("dark") || (html.contains("theme-auto") && window.matchMedia(SYSTEM_DARK).matches);
}

/** Hears what changes the theme shown: the system's setting, and the class of `<html>` (this toggle, another toggle on the page). */
function subscribe(listener: () => void): () => void {
  const media = window.matchMedia(SYSTEM_DARK);
  media.addEventListener("change", listener);
  const observer = new MutationObserver(listener);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => {
    media.removeEventListener("change", listener);
    observer.disconnect();
  };
}

/**
 * Switches dark/light; the choice is kept in a cookie so the server renders the right theme. Before the
 * editor chooses, the server cannot know the system's setting: the button is rendered light, then shows
 * what the page shows once it runs (no hydration mismatch), and follows the system's setting live.
 */
export function ThemeToggle() {
  const isDark = useSyncExternalStore(subscribe, showsDark, () => false);
  const toggle = () => {
    const next = !showsDark();
    // From now on the editor's choice, not the system's setting.
    document.documentElement.classList.remove("theme-auto");
    document.documentElement.classList.toggle("dark", next);
    document.cookie = `${THEME_COOKIE}=${next ? "dark" : "light"}; Path=/; Max-Age=31536000; SameSite=Lax`;
  };
  return (
    <button type="button" onClick={toggle} aria-pressed={isDark} aria-label="Dark theme" className="rounded px-2 py-0.5 text-xs hover:bg-slate-200 dark:hover:bg-slate-800">
      {isDark ? "☾" : "☀"}
      {/* The word from 1,536 px up; narrower, the header keeps its room for the desk's numbers. */}
      <span className="max-2xl:hidden">{isDark ? " Dark" : " Light"}</span>
    </button>
  );
}
