import type { IncomingMessage } from "node:http";
import { checkPublicLimit } from "../../publishing/public-limits";
import { getFeeds, getPublished, getPublishedNewsml, listPublished } from "../../publishing/published-service";
import type { Route, RouteResponse } from "../route";

const PUBLIC_CACHE = "public, max-age=0, must-revalidate";

function notModified(req: IncomingMessage, etag: string): boolean {
  const header = req.headers["if-none-match"];
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

function withEtag(req: IncomingMessage, etag: string, response: RouteResponse): RouteResponse {
  if (notModified(req, etag)) return { status: 304, headers: { etag, "cache-control": PUBLIC_CACHE } };
  return { ...response, headers: { ...response.headers, etag, "cache-control": PUBLIC_CACHE } };
}

/** The outputs readers and downstream systems get, without login: feeds, the ninjs API and NewsML-G2. */
export const publishedRoutes: Route[] = [
  {
    method: "GET",
    path: "/feed.rss",
    access: "public",
    handler: async ({ ctx, req, address }) => {
      await checkPublicLimit(ctx, address);
      const feeds = await getFeeds(ctx);
      return withEtag(req, feeds.etag, { status: 200, body: feeds.rss, headers: { "content-type": "application/rss+xml; charset=utf-8" } });
    },
  },
  {
    method: "GET",
    path: "/feed.atom",
    access: "public",
    handler: async ({ ctx, req, address }) => {
      await checkPublicLimit(ctx, address);
      const feeds = await getFeeds(ctx);
      return withEtag(req, feeds.etag, { status: 200, body: feeds.atom, headers: { "content-type": "application/atom+xml; charset=utf-8" } });
    },
  },
  {
    method: "GET",
    path: "/api/v1/published",
    access: "public",
    handler: async ({ ctx, req, url, address }) => {
      await checkPublicLimit(ctx, address);
      const page = await listPublished(ctx, url.searchParams);
      return withEtag(req, page.etag, { status: 200, body: page.body });
    },
  },
  {
    method: "GET",
    path: "/api/v1/published/:id",
    access: "public",
    handler: async ({ ctx, params, address }) => {
      await checkPublicLimit(ctx, address);
      return { status: 200, body: await getPublished(ctx, params.id ?? ""), headers: { "cache-control": PUBLIC_CACHE } };
    },
  },
  {
    method: "GET",
    path: "/api/v1/published/:id/newsml",
    access: "public",
    handler: async ({ ctx, params, address }) => {
      await checkPublicLimit(ctx, address);
      return { status: 200, body: await getPublishedNewsml(ctx, params.id ?? ""), headers: { "content-type": "application/vnd.iptc.g2.newsitem+xml; charset=utf-8", "cache-control": PUBLIC_CACHE } };
    },
  },
];
