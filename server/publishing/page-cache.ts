/** A rendered public page as the cache keeps it: both encodings and the validators. */
export interface CachedPage {
  body: Buffer;
  gzip: Buffer;
  /** Strong validator of the identity body (the gzip body's is this with `-gz`): a hash of the bytes, the same on every node. */
  etag: string;
  /** When this process rendered it (HTTP date). */
  lastModified: string;
  contentType: string;
  /** The story a story page shows (null for the front page): a change to it drops the page. */
  storyId: string | null;
}

/** Limits of the page cache: the least recently read pages go first past either one. */
export interface PageCacheLimits {
  maxEntries: number;
  maxBytes: number;
}

/**
 * The bounded store of rendered pages, least recently read evicted first. `generation` grows with every
 * invalidation, so a render that started before one is never stored after it.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private bytes = 0;
  private readonly limits: PageCacheLimits;
  generation = 0;

  constructor(limits: PageCacheLimits) {
    this.limits = limits;
  }

  /** The page under `key`, marked as just read. */
  get(key: string): CachedPage | undefined {
    const page = this.entries.get(key);
    if (page) {
      this.entries.delete(key);
      this.entries.set(key, page);
    }
    return page;
  }

  /** Whether a page is held under `key` (without marking it read). */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Stores a page rendered at `generation`; refused when an invalidation came in between. */
  set(key: string, page: CachedPage, generation: number): boolean {
    if (generation !== this.generation || sizeOf(page) > this.limits.maxBytes) return false;
    this.remove(key);
    this.entries.set(key, page);
    this.bytes += sizeOf(page);
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.remove(oldest);
    }
    return true;
  }

  /** Drops the front page and every page of the story (every page when `storyId` is null). */
  invalidate(storyId: string | null): void {
    this.generation += 1;
    for (const [key, page] of this.entries) if (storyId === null || page.storyId === null || page.storyId === storyId) this.remove(key);
  }

  /** How many pages and bytes are held. */
  size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private remove(key: string): void {
    const page = this.entries.get(key);
    if (!page) return;
    this.entries.delete(key);
    this.bytes -= sizeOf(page);
  }
}

function sizeOf(page: CachedPage): number {
  return page.body.length + page.gzip.length;
}
