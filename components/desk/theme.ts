/** The cookie that keeps an editor's choice of theme (`dark` or `light`). */
export const THEME_COOKIE = "wd_theme";

/**
 * The class of the desk's `<html>`: the editor's choice, or, until they make one, `theme-auto`, which
 * follows the system's light or dark setting (app/globals.css).
 */
export function themeClass(choice: string | undefined): string {
  if (choice === "dark") return "dark";
  if (choice === "light") return "";
  return "theme-auto";
}
