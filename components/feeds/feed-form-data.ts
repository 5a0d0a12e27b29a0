import type { FeedDto, FeedInput, FeedPatch } from "@/server/contract/feeds";
import type { FieldError } from "./feed-format";

/** What a feed form holds: a payload for the API, or the first blank field. */
export type FeedFormResult<T> = { input: T; error?: undefined } | { input?: undefined; error: FieldError };

function field(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === "string" ? value.trim() : "";
}

/**
 * Reads the add form. Only blank fields are caught here, so a person is not shown a schema message
 * for an empty box; every other check (URL scheme, interval bounds) is the server's.
 */
export function readFeedInput(data: FormData): FeedFormResult<FeedInput> {
  const name = field(data, "name");
  const url = field(data, "url");
  const interval = field(data, "intervalSeconds");
  if (!name) return { error: { field: "name", message: "Name: Give the feed a name." } };
  if (!url) return { error: { field: "url", message: "URL: Enter the address of the feed." } };
  if (!interval) return { error: { field: "intervalSeconds", message: "Interval: Enter how many seconds between polls." } };
  return { input: { name, url, intervalSeconds: Number(interval), enabled: data.get("enabled") !== null } };
}

/** Reads the edit form into a patch of only what changed (empty when nothing did). */
export function readFeedPatch(data: FormData, feed: FeedDto): FeedFormResult<FeedPatch> {
  const read = readFeedInput(data);
  if (read.error) return read;
  const { name, url, intervalSeconds } = read.input;
  const patch: FeedPatch = {};
  if (name !== feed.name) patch.name = name;
  if (url !== feed.url) patch.url = url;
  if (intervalSeconds !== feed.intervalSeconds) patch.intervalSeconds = intervalSeconds;
  return { input: patch };
}
