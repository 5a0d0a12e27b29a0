import { describe, expect, it } from "vitest";
import type { FeedDto } from "@/server/contract/feeds";
import { readFeedInput, readFeedPatch } from "./feed-form-data";

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

const feed: FeedDto = {
  id: "f1",
  name: "City news",
  url: "https://example.org/rss",
  intervalSeconds: 300,
  enabled: true,
  format: null,
  etag: null,
  lastModified: null,
  lastPolledAt: null,
  lastStatus: null,
  lastError: null,
  lastNewStories: null,
  lastUpdatedStories: null,
  failures: 0,
  nextPollAt: "2026-03-10T12:00:00.000Z",
  createdAt: "2026-03-10T12:00:00.000Z",
};

describe("readFeedInput", () => {
  it("trims the fields, reads the interval as a number and the checkbox as enabled", () => {
    expect(readFeedInput(form({ name: " City ", url: " https://example.org/rss ", intervalSeconds: "60", enabled: "on" }))).toEqual({
      input: { name: "City", url: "https://example.org/rss", intervalSeconds: 60, enabled: true },
    });
    expect(readFeedInput(form({ name: "City", url: "ftp://x", intervalSeconds: "5" })).input).toEqual({ name: "City", url: "ftp://x", intervalSeconds: 5, enabled: false });
  });

  it("names the first blank field instead of sending it", () => {
    expect(readFeedInput(form({ name: " ", url: "https://x.org", intervalSeconds: "60" })).error?.field).toBe("name");
    expect(readFeedInput(form({ name: "City", url: "", intervalSeconds: "60" })).error?.field).toBe("url");
    expect(readFeedInput(form({ name: "City", url: "https://x.org", intervalSeconds: "" })).error).toEqual({ field: "intervalSeconds", message: "Interval: Enter how many seconds between polls." });
  });
});

describe("readFeedPatch", () => {
  it("sends only what changed", () => {
    expect(readFeedPatch(form({ name: "City news", url: "https://example.org/rss", intervalSeconds: "300" }), feed)).toEqual({ input: {} });
    expect(readFeedPatch(form({ name: "City", url: "https://example.org/rss", intervalSeconds: "60" }), feed)).toEqual({ input: { name: "City", intervalSeconds: 60 } });
    expect(readFeedPatch(form({ name: "City news", url: "", intervalSeconds: "300" }), feed).error?.field).toBe("url");
  });
});
