import { paragraphsToHtml } from "../text/sanitize";
import { cleanText } from "../text/plain-text";
import { type JsonObject, objects, text } from "./json-fields";

/** A candidate body: its kind decides how it becomes HTML; richer kinds win. */
interface BodyCandidate {
  kind: BodyKind;
  value: string;
  main: boolean;
}

type BodyKind = "html" | "nitf" | "text";

const RANK: Readonly<Record<BodyKind, number>> = { html: 3, nitf: 2, text: 1 };
const MARKUP = /<\/?(?:p|div|br|section|span|b|i|em|strong|a|ul|ol|li|h[1-6]|table)\b[^>]*>/i;
const NITF_BODY = /<body\.content\b[^>]*>([\s\S]*?)<\/body\.content>/i;

/** How a body becomes HTML; null for renditions we cannot read (TT's `application/xml` TTNITF, JSON…). */
function kindOf(contentType: string, role: string, value: string): BodyKind | null {
  if (/nitf/i.test(contentType) || /^nitf$/i.test(role)) return "nitf";
  if (/html/i.test(contentType)) return "html";
  if (/plain/i.test(contentType)) return "text";
  if (contentType.trim()) return null;
  if (/html|richtext/i.test(role)) return "html";
  return MARKUP.test(value) ? "html" : "text";
}

/**
 * A full HTML document as some agencies send it (TT `html5`): keep only what the body holds,
 * without the repeated `<h1>` title and TT's `<div class="dat">` (section + source) line.
 */
function htmlFragment(html: string): string {
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return body
    .replace(/<head\b[\s\S]*?<\/head>|<title\b[\s\S]*?<\/title>/gi, "")
    .replace(/<h1\b[^>]*>[\s\S]*?<\/h1>/i, "")
    .replace(/<div\s+class="dat"[^>]*>[\s\S]*?<\/div>/i, "");
}

/** Plain wire text → paragraphs: blank lines separate them; without any, every line is one. */
export function plainTextParagraphs(value: string): string[] {
  const normalized = value.replace(/\r\n?/g, "\n").trim();
  const blocks = /\n\s*\n/.test(normalized) ? normalized.split(/\n\s*\n/) : normalized.split("\n");
  return blocks.map((block) => block.replace(/\s+/g, " ").trim()).filter((block) => block.length > 0);
}

function toHtml(candidate: BodyCandidate, headline: string): string {
  if (candidate.kind === "html") return htmlFragment(candidate.value);
  if (candidate.kind === "nitf") return NITF_BODY.exec(candidate.value)?.[1] ?? "";
  const paragraphs = plainTextParagraphs(candidate.value);
  // TT repeats the headline as the first line of its plain-text body.
  if (headline && paragraphs[0] === headline) paragraphs.shift();
  return paragraphsToHtml(paragraphs);
}

/** ninjs 2.x/3.x `bodies[]` ({role, contentType|contenttype, value}). */
function fromBodies(item: JsonObject): BodyCandidate[] {
  return objects(item.bodies).flatMap((body) => {
    const value = body.value;
    if (typeof value !== "string" || value.trim() === "") return [];
    const contentType = text(body, "contentType", "contenttype") ?? "";
    const role = text(body, "role") ?? "";
    const kind = kindOf(contentType, role, value);
    return kind ? [{ kind, value, main: role === "main" || role === "" }] : [];
  });
}

/** ninjs 1.x `body_html`, `body_xhtml`, `body_text`, `body_richtext`, `body_main`… */
function fromBodyProperties(item: JsonObject): BodyCandidate[] {
  return Object.entries(item).flatMap(([key, value]) => {
    if (!key.startsWith("body_") || typeof value !== "string" || value.trim() === "") return [];
    const role = key.slice("body_".length);
    const kind = kindOf(role === "text" ? "text/plain" : "", role, value);
    return kind ? [{ kind, value, main: role === "main" }] : [];
  });
}

/** The richest body of a ninjs item as raw (unsanitized) HTML; "" when it has none. */
export function ninjsBodyHtml(item: JsonObject, headline: string): string {
  const candidates = [...fromBodies(item), ...fromBodyProperties(item)];
  if (typeof item.body === "string" && item.body.trim()) {
    candidates.push({ kind: kindOf("", "", item.body) ?? "text", value: item.body, main: true });
  }
  candidates.sort((a, b) => RANK[b.kind] - RANK[a.kind] || Number(b.main) - Number(a.main));
  const best = candidates[0];
  return best ? toHtml(best, headline) : "";
}

/** The value of the first `{role, value}` entry whose role is one of `roles`, else (optionally) the first entry. */
export function pickByRole(list: unknown, roles: readonly string[], fallbackToFirst: boolean): string | null {
  const entries = objects(list).filter((entry) => cleanText(entry.value));
  const wanted = entries.find((entry) => roles.includes((text(entry, "role") ?? "").toLowerCase()));
  const chosen = wanted ?? (fallbackToFirst ? entries[0] : undefined);
  return chosen ? cleanText(chosen.value) : null;
}

/** Names of concept objects (`subjects`, `genres`, `places`…): `name`, else `literal`. */
export function conceptNames(list: unknown, skipRels: readonly string[] = []): string[] {
  return objects(list)
    .filter((entry) => !skipRels.includes((text(entry, "rel") ?? "").toLowerCase()))
    .map((entry) => cleanText(entry.name) ?? cleanText(entry.literal))
    .filter((name): name is string => name !== null);
}
