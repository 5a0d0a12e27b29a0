"use client";

import { useState } from "react";
import { THEME_COOKIE } from "./theme";

/** Whether the desk shows dark now: the editor's choice, or the system's setting until they choose. */
function showsDark(): boolean {
  if (typeof document === "undefined") return false;
  const html = document.documentElement.classList;
  return html.contains("dark") || (html.contains("theme-auto") && window.matchMedia("(prefers-color-scheme: dark)").matches);
}

/** Switches dark/light; the choice is kept in a cookie so the server renders the right theme. */
export function ThemeToggle() {
  const [isDark, setIsDark] = useState(showsDark);
  const toggle = () => {
    const next = !isDark;
    // From now on the editor's choice, not the system's setting.
    document.documentElement.classList.remove("theme-auto");
    document.documentElement.classList.toggle("dark", next);
    document.cookie = `${THEME_COOKIE}=${next ? "dark" : "light"}; Path=/; Max-Age=31536000; SameSite=Lax`;
    setIsDark(next);
  };
  return (
    <button type="button" onClick={toggle} aria-pressed={isDark} aria-label="Dark theme" className="rounded px-2 py-0.5 text-xs hover:bg-slate-200 dark:hover:bg-slate-800">
      {isDark ? "☾" : "☀"}
      {/* The word from 1,536 px up; narrower, the header keeps its room for the desk's numbers. */}
      <span className="max-2xl:hidden">{isDark ? " Dark" : " Light"}</span>
    </button>
  );
}
