import { Feed } from "feed";
import type { PublicationRecord } from "@/db/schema";
import { storyPath } from "../contract/public-site";
import { sanitizeWireHtml } from "../ingest/text/sanitize";
import { publicationUri } from "./ninjs";

/** Builds the RSS 2.0 and Atom 1.0 feeds of live publications (newest first) with the `feed` library. */
export function renderFeeds(items: readonly PublicationRecord[], baseUrl: string): { rss: string; atom: string } {
  const updated = items.reduce((latest, p) => (p.updatedAt > latest ? p.updatedAt : latest), "1970-01-01T00:00:00.000Z");
  const feed = new Feed({
    title: "Wiredesk news",
    description: "Stories published by the Wiredesk newsroom",
    id: `${baseUrl}/news`,
    link: `${baseUrl}/news`,
    language: "en",
    copyright: "Stories credit their agencies",
    updated: new Date(updated),
    generator: "Wiredesk",
    feedLinks: { rss: `${baseUrl}/feed.rss`, atom: `${baseUrl}/feed.atom` },
  });
  for (const p of items) {
    const link = `${baseUrl}${storyPath(p.slug, p.storyId)}`;
    const credit = p.agency ? ` (${p.agency})` : "";
    feed.addItem({
      title: p.headline,
      id: publicationUri(p.storyId),
      link,
      description: (p.abstract ?? p.bodyText.slice(0, 280)) + credit,
      content: sanitizeWireHtml(p.bodyHtml),
      date: new Date(p.updatedAt),
      published: new Date(p.firstPublishedAt),
      author: p.byline ? [{ name: p.byline }] : p.agency ? [{ name: p.agency }] : undefined,
      category: p.categories.map((name) => ({ name })),
    });
  }
  return { rss: feed.rss2(), atom: feed.atom1() };
}
