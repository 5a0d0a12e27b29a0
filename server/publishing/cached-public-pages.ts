import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { AppContext } from "../app-context";
import { storyIdFromSegment } from "../contract/public-site";
import { PageCache, type CachedPage } from "./page-cache";
import { inProcessPageInvalidation, type PageInvalidation } from "./page-invalidation";
import { renderPageToMemory, type PageRenderer, type RenderedPage } from "./page-render";

const gzipAsync = promisify(gzip);

/** Browsers and CDNs keep the page but ask again each time (a 304 from here while it is unchanged). */
const CACHE_CONTROL = "public, max-age=0, must-revalidate";

/** Requests of Next's client router carry these; the public site has no client runtime, so they go to Next as they are. */
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "x-nextjs-data"];

/** The cache key and story of a public page path, or null when the path is not one the cache serves. */
function pageKey(pathname: string): { key: string; storyId: string | null } | null {
  if (pathname === "/news") return { key: pathname, storyId: null };
  const segment = pathname.slice("/news/".length);
  if (!pathname.startsWith("/news/") || !segment || segment.includes("/")) return null;
  try {
    return { key: pathname, storyId: storyIdFromSegment(segment) };
  } catch {
    return null; // a malformed escape: Next answers it
  }
}

async function toCachedPage(rendered: RenderedPage, storyId: string | null): Promise<CachedPage | null> {
  const contentType = rendered.headers["content-type"];
  if (rendered.status !== 200 || typeof contentType !== "string" || !contentType.startsWith("text/html") || rendered.headers["set-cookie"]) return null;
  const hash = createHash("sha256").update(rendered.body).digest("base64url").slice(0, 27);
  const lastModified = new Date(Math.floor(Date.now() / 1000) * 1000).toUTCString();
  return { body: rendered.body, gzip: await gzipAsync(rendered.body), etag: `"${hash}"`, lastModified, contentType, storyId };
}

function acceptsGzip(req: IncomingMessage): boolean {
  const accept = req.headers["accept-encoding"];
  return typeof accept === "string" && /(^|,)\s*gzip\s*(,|$|;(?!\s*q=0(\.0+)?\s*(,|$)))/i.test(accept);
}

/** True when If-None-Match names either encoding of this page (weak comparison, as RFC 9110 asks). */
function isNotModified(req: IncomingMessage, page: CachedPage): boolean {
  const header = req.headers["if-none-match"];
  if (!header) return false;
  if (header.trim() === "*") return true;
  const gzipTag = `${page.etag.slice(0, -1)}-gz"`;
  return header.split(",").some((tag) => {
    const opaque = tag.trim().replace(/^W\//, "");
    return opaque === page.etag || opaque === gzipTag;
  });
}

function sendPage(req: IncomingMessage, res: ServerResponse, page: CachedPage): void {
  const useGzip = acceptsGzip(req);
  const headers = { "cache-control": CACHE_CONTROL, etag: useGzip ? `${page.etag.slice(0, -1)}-gz"` : page.etag, "last-modified": page.lastModified, vary: "Accept-Encoding" };
  if (isNotModified(req, page)) {
    res.writeHead(304, headers).end();
    return;
  }
  const body = useGzip ? page.gzip : page.body;
  res.writeHead(200, { ...headers, "content-type": page.contentType, "content-length": body.length, ...(useGzip ? { "content-encoding": "gzip" } : {}) });
  res.end(req.method === "HEAD" ? undefined : body);
}

/** What one render gave: a page to share, or an answer (404, an error page) to pass on as Next gave it. */
type Outcome = { page: CachedPage } | { rendered: RenderedPage };

function sendRendered(req: IncomingMessage, res: ServerResponse, rendered: RenderedPage): void {
  const { connection: _connection, "transfer-encoding": _encoding, "content-length": _length, ...headers } = rendered.headers;
  res.writeHead(rendered.status, { ...headers, "content-length": rendered.body.length });
  res.end(req.method === "HEAD" ? undefined : rendered.body);
}

/** The public page cache of a server: serves `/news` and story pages, everything else goes to `render`. */
export interface CachedPublicPages {
  handle: PageRenderer;
  cache: PageCache;
  /** Stops listening for changes. */
  close(): void;
}

/**
 * Serves the public pages from memory: each page is rendered once (one render shared by every reader
 * asking meanwhile) as an anonymous reader gets it, then served with a content hash ETag (304 on
 * If-None-Match) and gzip when accepted, until a publish, correction or kill of its story (or any change,
 * for the front page) drops it. The security headers are set before, per request, as for every answer.
 */
export function createCachedPublicPages(ctx: Pick<AppContext, "store" | "env" | "metrics">, render: PageRenderer, invalidation: PageInvalidation = inProcessPageInvalidation(ctx)): CachedPublicPages {
  // Room for the front page and the story pages readers are reading; a crawler walking every id cannot grow it.
  const cache = new PageCache({ maxEntries: ctx.env.WIREDESK_PAGE_CACHE_ENTRIES, maxBytes: ctx.env.WIREDESK_PAGE_CACHE_MB * 1024 * 1024 });
  const inFlight = new Map<string, Promise<Outcome>>();
  const isDev = ctx.env.NODE_ENV === "development";
  ctx.metrics.provide("wiredesk_page_cache_bytes", () => cache.size().bytes);
  const stop = invalidation.subscribe((change) => {
    cache.invalidate(change.storyId);
    inFlight.clear(); // a reader arriving after the change waits for a render that started after it
  });

  function outcomeOf(key: string, storyId: string | null, req: IncomingMessage): Promise<Outcome> {
    const pending = inFlight.get(key);
    if (pending) return pending;
    const generation = cache.generation;
    // The public CSP has no nonce; Next reads the policy from the request as for any page.
    const policy = req.headers["content-security-policy"];
    const outcome = renderPageToMemory(render, key, typeof policy === "string" ? { "content-security-policy": policy } : {}).then(async (rendered): Promise<Outcome> => {
      const page = await toCachedPage(rendered, storyId);
      if (!page) return { rendered };
      cache.set(key, page, generation);
      return { page };
    });
    inFlight.set(key, outcome);
    const forget = () => {
      if (inFlight.get(key) === outcome) inFlight.delete(key);
    };
    outcome.then(forget, forget);
    return outcome;
  }

  const handle: PageRenderer = async (req, res) => {
    const pathname = (req.url ?? "/").split("?", 1)[0] ?? "/";
    const target = req.method === "GET" || req.method === "HEAD" ? pageKey(pathname) : null;
    // In development pages change as they are edited, so Next renders every request there.
    if (!target || isDev || ROUTER_HEADERS.some((name) => req.headers[name] !== undefined)) return render(req, res);
    const hit = cache.get(target.key);
    ctx.metrics.publicPage(hit ? "hit" : "miss");
    if (hit) return sendPage(req, res, hit);
    const outcome = await outcomeOf(target.key, target.storyId, req);
    if ("page" in outcome) sendPage(req, res, outcome.page);
    else sendRendered(req, res, outcome.rendered);
  };

  return { handle, cache, close: stop };
}
