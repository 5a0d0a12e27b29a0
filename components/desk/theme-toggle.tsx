"use client";

import { useState } from "react";

/** Switches dark/light; the choice is kept in a cookie so the server renders the right theme. */
export function ThemeToggle() {
  const [isDark, setIsDark] = useState(() => typeof document !== "undefined" && document.documentElement.classList.contains("dark"));
  const toggle = () => {
    const next = !isDark;
    document.documentElement.classList.toggle("dark", next);
    document.cookie = `wd_theme=${next ? "dark" : "light"}; Path=/; Max-Age=31536000; SameSite=Lax`;
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
