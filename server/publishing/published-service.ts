import type { PublicationRecord } from "@/db/schema";
import type { AppContext } from "../app-context";
import { storyPath, type PublicStory, type PublicSiteReader } from "../contract/public-site";
import { AppError } from "../errors";
import { sanitizeWireHtml } from "../ingest/text/sanitize";
import { renderFeeds } from "./feeds";
import { cached, publicBaseUrl } from "./hub";
import { renderNewsml } from "./newsml";
import { presentNinjs, type NinjsItem } from "./ninjs";

const FEED_SIZE = 50;

function encodeCursor(p: PublicationRecord): string {
  return Buffer.from(`${p.firstPublishedAt}|${p.storyId}`).toString("base64url");
}

function decodeCursor(cursor: string): { firstPublishedAt: string; storyId: string } {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const bar = text.indexOf("|");
  if (bar < 0 || Number.isNaN(Date.parse(text.slice(0, bar)))) throw new AppError("bad_request", "The cursor is not one this API gave out.");
  return { firstPublishedAt: text.slice(0, bar), storyId: text.slice(bar + 1) };
}

/** One page of the published API, with the ETag of the whole answer. */
export interface PublishedPage {
  body: { items: NinjsItem[]; nextCursor: string | null };
  etag: string;
}

/** `GET /api/v1/published`: live publications newest first as ninjs, `cursor` paged, with an ETag. */
export async function listPublished(ctx: AppContext, params: URLSearchParams): Promise<PublishedPage> {
  const limitText = params.get("limit");
  const limit = limitText === null ? 20 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new AppError("bad_request", "limit must be a whole number from 1 to 100.");
  const cursor = params.get("cursor");
  const after = cursor ? decodeCursor(cursor) : undefined;
  return cached(ctx, `api:${limit}:${cursor ?? ""}`, async () => {
    const version = await ctx.store.publishing.publicationsVersion();
    const rows = await ctx.store.publishing.listPublications({ after, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const baseUrl = publicBaseUrl(ctx);
    const nextCursor = rows.length > limit ? encodeCursor(page[page.length - 1]!) : null;
    return { body: { items: page.map((p) => presentNinjs(p, baseUrl)), nextCursor }, etag: `"pub-${version.seq}-${version.count}-${limit}-${cursor ?? ""}"` };
  });
}

async function livePublication(ctx: AppContext, id: string): Promise<PublicationRecord> {
  const publication = await ctx.store.publishing.getPublication(id);
  if (!publication) throw new AppError("not_found", "No published story with that id.");
  if (publication.state === "killed") throw new AppError("gone", "This story has been withdrawn.");
  return publication;
}

/** `GET /api/v1/published/:id`: one live publication as ninjs (410 once killed). */
export async function getPublished(ctx: AppContext, id: string): Promise<NinjsItem> {
  return presentNinjs(await livePublication(ctx, id), publicBaseUrl(ctx));
}

/** `GET /api/v1/published/:id/newsml`: one live publication as a NewsML-G2 newsItem. */
export async function getPublishedNewsml(ctx: AppContext, id: string): Promise<string> {
  return renderNewsml(await livePublication(ctx, id));
}

/** The RSS and Atom feeds of the newest live publications, rendered once per publication change. */
export async function getFeeds(ctx: AppContext): Promise<{ rss: string; atom: string; etag: string }> {
  return cached(ctx, "feeds", async () => {
    const version = await ctx.store.publishing.publicationsVersion();
    const rows = await ctx.store.publishing.listPublications({ limit: FEED_SIZE });
    return { ...renderFeeds(rows, publicBaseUrl(ctx)), etag: `"feed-${version.seq}-${version.count}"` };
  });
}

function presentPublicStory(p: PublicationRecord): PublicStory {
  return {
    id: p.storyId,
    slug: p.slug,
    path: storyPath(p.slug, p.storyId),
    state: p.state,
    headline: p.headline,
    subheadline: p.subheadline,
    byline: p.byline,
    dateline: p.datelineText ?? p.datelinePlace,
    abstract: p.abstract,
    bodyHtml: p.state === "killed" ? "" : sanitizeWireHtml(p.bodyHtml), // again on the way out: co-edited copy passes the same allow-list
    language: p.language,
    agency: p.agency,
    firstPublishedAt: p.firstPublishedAt,
    updatedAt: p.updatedAt,
    corrections: p.corrections,
    killedAt: p.killedAt,
  };
}

/** The reader the public pages use: cached until the next publish, correction or kill. */
export function createPublicSiteReader(ctx: AppContext): PublicSiteReader {
  return {
    frontPage: (limit) => cached(ctx, `front:${limit}`, async () => (await ctx.store.publishing.listPublications({ limit })).map(presentPublicStory)),
    story: (id) =>
      cached(ctx, `story:${id}`, async () => {
        const p = await ctx.store.publishing.getPublication(id);
        return p ? presentPublicStory(p) : null;
      }),
    baseUrl: () => publicBaseUrl(ctx),
  };
}
