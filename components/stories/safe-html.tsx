"use client";

import DOMPurify from "dompurify";
import { useMemo } from "react";
import { ALLOWED_LINK } from "@/server/contract/link-schemes";

const ALLOWED_TAGS = ["p", "br", "b", "strong", "i", "em", "u", "s", "sub", "sup", "small", "a", "ul", "ol", "li", "blockquote", "q", "cite", "abbr", "h2", "h3", "h4", "h5", "h6", "hr", "pre", "code", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "mark"];
const ALLOWED_ATTR = ["href", "title", "rel", "target", "colspan", "rowspan", "scope"];

/** Renders wire HTML after a second allow-list pass in the browser (it was sanitized before storage too). */
export function SafeHtml({ html, className }: { html: string; className?: string }) {
  const clean = useMemo(
    () => (typeof window === "undefined" ? "" : DOMPurify.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR, ALLOWED_URI_REGEXP: ALLOWED_LINK })),
    [html],
  );
  return <div className={className} dangerouslySetInnerHTML={{ __html: clean }} />;
}
