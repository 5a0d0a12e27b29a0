import { describe, expect, it } from "vitest";
import type { FeedDto } from "@/server/contract/feeds";
import { describePoll, describeStatus, formatArrivals, formatDueIn, formatInterval, isHealthyStatus, toFieldError } from "./feed-format";

describe("formatInterval", () => {
  it("says seconds, minutes and hours the short way", () => {
    expect([15, 59, 60, 90, 300, 3600, 5400, 86_400].map(formatInterval)).toEqual(["15 s", "59 s", "1 min", "1 min 30 s", "5 min", "1 h", "90 min", "24 h"]);
  });
});

describe("formatDueIn", () => {
  const now = Date.parse("2026-03-10T12:00:00Z");
  it("counts down to the next poll and says when it is due", () => {
    const at = (seconds: number) => new Date(now + seconds * 1000).toISOString();
    expect([at(-5), at(0), at(0.2), at(45), at(180), at(7200), at(4 * 86_400)].map((iso) => formatDueIn(iso, now))).toEqual(["due now", "due now", "in 1s", "in 45s", "in 3m", "in 2h", "in 4d"]);
  });
});

describe("toFieldError", () => {
  it("puts the server's message next to the field it names", () => {
    expect(toFieldError("url: use an http:// or https:// URL")).toEqual({ field: "url", message: "URL: Use an http:// or https:// URL." });
    expect(toFieldError("intervalSeconds: poll at most every 15 seconds")).toEqual({ field: "intervalSeconds", message: "Interval: Poll at most every 15 seconds." });
  });

  it("keeps messages that name no field of the form whole", () => {
    expect(toFieldError("This needs the admin role or higher.")).toEqual({ field: null, message: "This needs the admin role or higher." });
    expect(toFieldError("colour: not a field")).toEqual({ field: null, message: "colour: not a field" });
  });
});

describe("poll statuses", () => {
  it("counts 2xx and 304 as healthy and explains the rest", () => {
    expect(["200", "304", "500", "timeout", null].map(isHealthyStatus)).toEqual([true, true, false, false, false]);
    expect(describeStatus("too_large")).toBe("Failed: too large");
    expect(describeStatus("404")).toBe("The feed answered HTTP 404");
    expect(describeStatus(null)).toBe("Not polled yet");
  });
});

describe("describePoll", () => {
  const now = Date.parse("2026-03-10T12:00:00Z");
  const polled: FeedDto = {
    id: "f1",
    name: "City news",
    url: "https://example.org/rss",
    intervalSeconds: 60,
    enabled: true,
    format: null,
    etag: null,
    lastModified: null,
    lastPolledAt: "2026-03-10T12:00:00.000Z",
    lastStatus: "200",
    lastError: null,
    lastNewStories: 2,
    lastUpdatedStories: 1,
    failures: 0,
    nextPollAt: "2026-03-10T12:01:00.000Z",
    createdAt: "2026-03-10T11:00:00.000Z",
  };

  it("says what came back and how many stories it brought", () => {
    expect(describePoll(polled, now)).toEqual({ kind: "ok", text: 'Polled "City news": 200, 2 new stories and 1 updated story.' });
    expect(describePoll({ ...polled, lastNewStories: 1, lastUpdatedStories: 0 }, now).text).toBe('Polled "City news": 200, 1 new story.');
    expect(describePoll({ ...polled, lastNewStories: 0, lastUpdatedStories: 0 }, now).text).toBe(
      'Polled "City news": 200, nothing new (every story in it is already on the desk).',
    );
    expect(describePoll({ ...polled, lastStatus: "304", lastNewStories: 0, lastUpdatedStories: 0 }, now).text).toBe('Polled "City news": 304, nothing new since the last poll.');
    // A feed last polled before the counts were kept.
    expect(describePoll({ ...polled, lastNewStories: null, lastUpdatedStories: null }, now).text).toBe('Polled "City news": 200, fetched and ingested.');
  });

  it("gives the reason, the failures so far and when it tries again", () => {
    const failed = { ...polled, lastStatus: "500", lastError: "The feed answered 500 Internal Server Error.", failures: 2, nextPollAt: "2026-03-10T12:04:00.000Z" };
    expect(describePoll(failed, now)).toEqual({ kind: "error", text: 'Polling "City news" failed (500): The feed answered 500 Internal Server Error. 2 failures in a row; next try in 4m.' });
    expect(describePoll({ ...failed, enabled: false, failures: 1 }, now).text).toMatch(/1 failure in a row; the feed is disabled\.$/);
  });
});

describe("formatArrivals", () => {
  it("gives the last poll's new and updated stories in a few words for the table", () => {
    expect(formatArrivals({ lastNewStories: 3, lastUpdatedStories: 1 })).toBe("3 new, 1 updated");
    expect(formatArrivals({ lastNewStories: 0, lastUpdatedStories: 2 })).toBe("2 updated");
    expect(formatArrivals({ lastNewStories: 0, lastUpdatedStories: 0 })).toBe("nothing new");
    expect(formatArrivals({ lastNewStories: null, lastUpdatedStories: null })).toBeNull();
  });
});
