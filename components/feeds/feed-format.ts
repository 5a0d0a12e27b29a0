import type { FeedDto, FeedInput } from "@/server/contract/feeds";

/** "45 s", "5 min", "1 min 30 s", "2 h" for a polling interval in seconds. */
export function formatInterval(seconds: number): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
}

/** "in 45s", "in 3m", "in 2h", "in 4d" from `now` to `iso`; "due now" once it has passed. */
export function formatDueIn(iso: string, now: number): string {
  const seconds = Math.ceil((Date.parse(iso) - now) / 1000);
  if (seconds <= 0) return "due now";
  if (seconds < 60) return `in ${seconds}s`;
  if (seconds < 3600) return `in ${Math.floor(seconds / 60)}m`;
  if (seconds < 86_400) return `in ${Math.floor(seconds / 3600)}h`;
  return `in ${Math.floor(seconds / 86_400)}d`;
}

/** A field of the feed form. */
export type FeedField = keyof FeedInput;

const FIELD_LABELS: Record<FeedField, string> = { name: "Name", url: "URL", intervalSeconds: "Interval", enabled: "Enabled", format: "Format" };

/** A server message split into the form field it names (the API says `url: use an http:// ...`) and the rest. */
export interface FieldError {
  field: FeedField | null;
  message: string;
}

/** Splits an API error message into its field and a sentence a person can read next to that field. */
export function toFieldError(message: string): FieldError {
  const match = /^(\w+): (.+)$/s.exec(message);
  const field = match?.[1];
  if (!match?.[2] || !field || !(field in FIELD_LABELS)) return { field: null, message };
  const text = match[2].charAt(0).toUpperCase() + match[2].slice(1);
  return { field: field as FeedField, message: `${FIELD_LABELS[field as FeedField]}: ${text}${/[.!?]$/.test(text) ? "" : "."}` };
}

/** Whether a feed's last poll worked: a 2xx answer, or 304 (nothing new). */
export function isHealthyStatus(status: string | null): boolean {
  return status !== null && /^(2\d\d|304)$/.test(status);
}

/** What a poll status means, for a tooltip. */
export function describeStatus(status: string | null): string {
  if (status === null) return "Not polled yet";
  if (status === "304") return "304: not modified since the last poll (conditional request)";
  if (/^2\d\d$/.test(status)) return `${status}: fetched and ingested`;
  if (/^\d{3}$/.test(status)) return `The feed answered HTTP ${status}`;
  return `Failed: ${status.replaceAll("_", " ")}`;
}

/**
 * What the last poll brought: short for the table ("2 new, 1 updated", "nothing new") or long for a
 * sentence ("2 new stories and 1 updated story"); null when no poll has worked since the last failure.
 */
export function formatArrivals(feed: Pick<FeedDto, "lastNewStories" | "lastUpdatedStories">, form: "short" | "long" = "short"): string | null {
  const { lastNewStories: created, lastUpdatedStories: updated } = feed;
  if (created === null || updated === null) return null;
  const isLong = form === "long";
  if (created === 0 && updated === 0) return isLong ? "nothing new (every story in it is already on the desk)" : "nothing new";
  const part = (n: number, what: string) => (n === 0 ? null : isLong ? `${n} ${what} ${n === 1 ? "story" : "stories"}` : `${n} ${what}`);
  return [part(created, "new"), part(updated, "updated")].filter(Boolean).join(isLong ? " and " : ", ");
}

/** A line telling the admin how an action went. */
export interface Notice {
  kind: "ok" | "error";
  text: string;
}

/** The result of "poll now" in one sentence, from the feed's state after the poll. */
export function describePoll(feed: FeedDto, now: number): Notice {
  const name = `"${feed.name}"`;
  if (feed.lastStatus === "304") return { kind: "ok", text: `Polled ${name}: 304, nothing new since the last poll.` };
  if (isHealthyStatus(feed.lastStatus)) return { kind: "ok", text: `Polled ${name}: ${feed.lastStatus}, ${formatArrivals(feed, "long") ?? "fetched and ingested"}.` };
  const failures = `${feed.failures} ${feed.failures === 1 ? "failure" : "failures"} in a row`;
  const next = feed.enabled ? `next try ${formatDueIn(feed.nextPollAt, now)}` : "the feed is disabled";
  return { kind: "error", text: `Polling ${name} failed (${feed.lastStatus ?? "unknown"}): ${feed.lastError ?? "no reason given"} ${failures}; ${next}.` };
}
