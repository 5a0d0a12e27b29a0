import type { AppContext } from "../app-context";
import { onPublicationChanged } from "./hub";

/** A change that makes public pages out of date: the story's own page and the front page. */
export interface PageChange {
  storyId: string;
}

/**
 * Where the page cache hears of publishes, corrections and kills (the events that refresh feeds and the
 * API). In process today; with several nodes, an implementation on a shared channel (the change log, or a
 * pub/sub) delivers every node's changes to each node's cache through the same interface.
 */
export interface PageInvalidation {
  /** Calls `listener` after each committed change; returns a function that stops it. */
  subscribe(listener: (change: PageChange) => void): () => void;
}

/** The changes this process commits, heard right after commit. */
export function inProcessPageInvalidation(ctx: Pick<AppContext, "store">): PageInvalidation {
  return { subscribe: (listener) => onPublicationChanged(ctx, (publication) => listener({ storyId: publication.storyId })) };
}
