import { z } from "zod";

/** A URL-safe slug from a headline: lower-case ASCII words joined by hyphens, at most 60 characters. */
export function slugify(headline: string): string {
  const ascii = headline.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const words = ascii.split(/[^a-z0-9]+/).filter(Boolean);
  let slug = "";
  for (const word of words) {
    if (slug.length + word.length + 1 > 60) break;
    slug = slug ? `${slug}-${word}` : word;
  }
  return slug || "story";
}

/** The public page of a story: `/news/<slug>-<id>` (the slug is fixed at first publication). */
export function storyPath(slug: string, id: string): string {
  return `/news/${slug}-${encodeURIComponent(id)}`;
}

/** The story id in a `<slug>-<id>` path segment (ids carry no hyphen). */
export function storyIdFromSegment(segment: string): string {
  const decoded = decodeURIComponent(segment);
  return decoded.slice(decoded.lastIndexOf("-") + 1);
}

/** A published story as the public site shows it. */
export const PublicStorySchema = z.object({
  id: z.string(),
  slug: z.string(),
  path: z.string(),
  state: z.enum(["published", "corrected", "killed"]),
  headline: z.string(),
  subheadline: z.string().nullable(),
  byline: z.string().nullable(),
  dateline: z.string().nullable(),
  abstract: z.string().nullable(),
  bodyHtml: z.string(),
  language: z.string().nullable(),
  agency: z.string().nullable(),
  firstPublishedAt: z.string(),
  updatedAt: z.string(),
  corrections: z.array(z.object({ at: z.string(), note: z.string() })),
  killedAt: z.string().nullable(),
});
export type PublicStory = z.infer<typeof PublicStorySchema>;

/** What the public pages read; the server registers it at start (pages import only the contract). */
export interface PublicSiteReader {
  /** The newest live stories, newest first. */
  frontPage(limit: number): Promise<PublicStory[]>;
  /** A story by id, killed ones included (their page answers 410); null when never published. */
  story(id: string): Promise<PublicStory | null>;
  /** The site's base URL for canonical links. */
  baseUrl(): string;
}

const registry = globalThis as unknown as { wiredeskPublicSite?: PublicSiteReader };

/** Registers the reader the public pages use (one per process). */
export function setPublicSiteReader(reader: PublicSiteReader | undefined): void {
  registry.wiredeskPublicSite = reader;
}

/** The reader registered at start. */
export function getPublicSiteReader(): PublicSiteReader {
  const reader = registry.wiredeskPublicSite;
  if (!reader) throw new Error("The public site reader is not registered: start the server through server/main.ts");
  return reader;
}
