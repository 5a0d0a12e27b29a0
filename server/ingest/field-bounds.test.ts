import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ninjsStory, startTestServer, type TestServer } from "../testing/test-server";
import { cutAtWord, FIELD_BOUNDS } from "./field-bounds";

describe("cutAtWord", () => {
  it("keeps a prefix within the limit, never splits a surrogate pair, and cuts at white space near the end", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), fc.integer({ min: 5, max: 200 }), (text, max) => {
        const cut = cutAtWord(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(text.startsWith(cut)).toBe(true);
        const last = cut.charCodeAt(cut.length - 1);
        expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
      }),
    );
    expect(cutAtWord("one two three four", 14)).toBe("one two three");
    expect(cutAtWord("😀".repeat(10), 5)).toBe("😀😀");
  });
});

describe("field bounds at ingest", () => {
  let server: TestServer;
  let cookie = "";
  beforeAll(async () => {
    server = await startTestServer();
    cookie = (await server.signIn("viewer")).cookie;
  });
  afterAll(async () => server.stop());

  it("cuts a 1 MB headline and too many keywords, still answers 201, and says so in the story's ingest notes", async () => {
    const headline = `${"Storm 😀 closes ports ".repeat(50_000)}end`;
    const base = JSON.parse(ninjsStory({ uri: "urn:test:bounds", headline })) as Record<string, unknown>;
    const keywords = Array.from({ length: 60 }, (_, i) => `keyword-${i}-${"x".repeat(i === 0 ? 300 : 5)}`);
    const answer = await server.ingest(JSON.stringify({ ...base, keywords, byline: "By ".concat("Reporter ".repeat(200)), slugline: "slug-".repeat(100) }));
    expect(answer.status, answer.status === 201 ? "" : await answer.clone().text()).toBe(201);
    const { stories } = (await answer.json()) as { stories: { id: string }[] };
    const id = stories[0]!.id;

    const story = (await (await fetch(`${server.url}/api/stories/${id}`, { headers: { cookie } })).json()) as { headline: string; keywords: string[]; byline: string; slugline: string };
    expect(story.headline.length).toBeLessThanOrEqual(FIELD_BOUNDS.headline);
    expect(story.headline.length).toBeGreaterThan(FIELD_BOUNDS.headline * 0.8);
    expect(headline.startsWith(story.headline)).toBe(true);
    expect(headline.charAt(story.headline.length)).toBe(" "); // cut at a word boundary
    expect(story.keywords).toHaveLength(50);
    expect(story.keywords[0]!.length).toBeLessThanOrEqual(100);
    expect(story.byline.length).toBeLessThanOrEqual(500);
    expect(story.slugline.length).toBeLessThanOrEqual(200);

    const { versions } = (await (await fetch(`${server.url}/api/stories/${id}/versions`, { headers: { cookie } })).json()) as { versions: { normalized: { ingestNotes?: string[] } }[] };
    const notes = versions[0]!.normalized.ingestNotes ?? [];
    expect(notes.some((n) => /^Headline cut from 1,100,003 to \d{3} characters \(limit 1,000\)\.$/.test(n))).toBe(true);
    expect(notes).toContain("Keywords: 10 of 60 dropped (limit 50).");
    expect(notes.some((n) => n.startsWith("Byline cut"))).toBe(true);
  });
});
