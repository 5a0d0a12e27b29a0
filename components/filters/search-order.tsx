"use client";

/** The order of a search: newest first (the desk's default) or best match first; kept in the URL as `sort`. */
export function SearchOrder({ value, onChange }: { value: "newest" | "relevance"; onChange: (order: "newest" | "relevance") => void }) {
  return (
    <select
      aria-label="Search order"
      value={value}
      onChange={(event) => onChange(event.target.value === "relevance" ? "relevance" : "newest")}
      className="h-6 rounded border border-slate-300 bg-white px-0.5 text-xs dark:border-slate-600 dark:bg-slate-900"
    >
      <option value="newest">Newest first</option>
      <option value="relevance">Best match first</option>
    </select>
  );
}
