import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppContext } from "../app-context";
import { storyIdFromSegment } from "../contract/public-site";
import { AppError } from "../errors";
import { clientAddress } from "../http/origin";
import { escapeXml } from "./newsml";
import { checkPublicLimit } from "./public-limits";
import { createPublicSiteReader } from "./published-service";

/** True for the public site's pages (`/news` and `/news/<slug>-<id>`), which Next renders with their own layout. */
export function isPublicPagePath(pathname: string): boolean {
  return pathname === "/news" || pathname.startsWith("/news/");
}

function goneNotice(headline: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story withdrawn · Wiredesk news</title><meta name="robots" content="noindex"></head><body><main><h1>This story has been withdrawn</h1><p>&#8220;${escapeXml(headline)}&#8221; is no longer available.</p><p><a href="/news">Latest news</a></p></main></body></html>`;
}

/**
 * What the server answers itself before Next renders a public page: 429 past the per-address limit, 503
 * past the node's pace, and 410 with a short notice for a killed story's URL (Next pages cannot set that
 * status; a page `isCached` holds needs no lookup). False: let the page cache or Next answer.
 */
export async function answerPublicPage(ctx: AppContext, req: IncomingMessage, res: ServerResponse, isCached: (pathname: string) => boolean = () => false): Promise<boolean> {
  const pathname = new URL(req.url ?? "/", "http://internal").pathname;
  if (!isPublicPagePath(pathname) || (req.method !== "GET" && req.method !== "HEAD")) return false;
  try {
    await checkPublicLimit(ctx, clientAddress(req, ctx.env.WIREDESK_TRUST_PROXY));
  } catch (error) {
    const known = error instanceof AppError ? error : new AppError("rate_limited", "Too many requests.");
    res.writeHead(known.status, { "content-type": "text/plain; charset=utf-8", "retry-after": String(known.retryAfterSeconds ?? 1) }).end(known.message);
    return true;
  }
  const segment = pathname.startsWith("/news/") ? pathname.slice("/news/".length) : "";
  // A page in the cache was rendered after its story's last change (a kill drops it): not killed, no lookup.
  if (!segment || segment.includes("/") || isCached(pathname)) return false;
  const story = await createPublicSiteReader(ctx).story(storyIdFromSegment(segment));
  if (story?.state !== "killed") return false;
  res.writeHead(410, { "content-type": "text/html; charset=utf-8", "cache-control": "public, max-age=0, must-revalidate" }).end(req.method === "HEAD" ? undefined : goneNotice(story.headline));
  return true;
}
