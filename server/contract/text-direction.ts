/** Languages written right to left (BCP 47 primary subtags): Arabic, Hebrew, Persian, Urdu, Pashto, Sindhi, Uyghur, Kurdish (Sorani), Yiddish, Dhivehi. */
const RTL_LANGUAGES = new Set(["ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "ckb", "yi", "dv", "syr"]);

/**
 * The `dir` of a story's text from its language (`ar`, `he-IL` → `rtl`); without a known language
 * `auto`, so the browser takes the direction from the text's first strong character.
 */
export function textDirection(language: string | null | undefined): "rtl" | "ltr" | "auto" {
  const primary = (language ?? "").trim().toLowerCase().split(/[-_]/)[0] ?? "";
  if (!primary) return "auto";
  if (/-arab\b/i.test(language ?? "")) return "rtl";
  return RTL_LANGUAGES.has(primary) ? "rtl" : "auto";
}
