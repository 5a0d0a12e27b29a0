import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkDelivery, parseDelivery } from "./parse-delivery";
import { emptyStory, finishStory } from "./parsers/story-builder";
import { type ParseOutcome, WireParseError } from "./parsers/parse-result";
import { listSamples, readSample } from "./parsers/testing/samples";

const FRAGMENTS = /LISTING_2[58]_/;
const NO_ITEMS = ["rss/feedparser-conformance/rss/rss_version_20.xml", "rss/feedparser-conformance/rss/channel_lastBuildDate.xml", "rss/feedparser-conformance/atom10/feed_title.xml"];
const XML_FOLDERS = ["newsml-g2", "nitf", "newsml-1.2", "rss"];

function expectOk(outcome: ParseOutcome, file: string) {
  if (!outcome.ok) throw new Error(`${file}: ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.value;
}

describe("parseDelivery on every XML sample", () => {
  for (const folder of XML_FOLDERS) {
    it(`parses every story file in ${folder}/`, () => {
      const files = listSamples(folder).filter((file) => file.endsWith(".xml") && !FRAGMENTS.test(file) && !NO_ITEMS.includes(file));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const value = expectOk(parseDelivery(readSample(file)), file);
        expect(value.stories.length + value.recorded.length, file).toBeGreaterThan(0);
      }
    });
  }

  it("gives a clear error, not a crash, for the two IPTC fragments", () => {
    for (const file of listSamples("newsml-g2/iptc").filter((f) => FRAGMENTS.test(f))) {
      const outcome = parseDelivery(readSample(file));
      expect(outcome.ok).toBe(false);
      if (outcome.ok) continue;
      expect(outcome.error.code).toBe("unknown_format");
      expect(outcome.error.message).toMatch(/XML root <content(Set|Meta)> is not a known wire format/);
      const forced = parseDelivery(readSample(file), { format: "newsml-g2" });
      expect(!forced.ok && forced.error.code).toBe("malformed");
    }
  });

  it("reports no_story for a feed without items", () => {
    for (const file of NO_ITEMS) {
      const outcome = parseDelivery(readSample(file));
      expect(!outcome.ok && outcome.error.code).toBe("no_story");
    }
  });
});

describe("parseDelivery contract", () => {
  const nitf = readSample("nitf/NTB_nitf_sample.xml");

  it("refuses deliveries over the size limit before parsing", () => {
    const outcome = parseDelivery(nitf, { maxBytes: 100 });
    expect(!outcome.ok && outcome.error.code).toBe("too_large");
  });

  it("uses a forced format and reports its parser's errors with the format", () => {
    expect(parseDelivery(nitf, { format: "nitf" }).ok).toBe(true);
    const wrong = parseDelivery(nitf, { format: "newsml-1.2" });
    expect(!wrong.ok && [wrong.error.code, wrong.error.format]).toEqual(["malformed", "newsml-1.2"]);
  });

  it("refuses entity declarations and deep nesting through the pipeline", () => {
    const laughs = new TextEncoder().encode(`<!DOCTYPE nitf [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><nitf>&b;</nitf>`);
    const refused = parseDelivery(laughs);
    expect(!refused.ok && [refused.error.code, refused.error.format]).toEqual(["dtd_refused", "nitf"]);
    const deep = new TextEncoder().encode(`<nitf>${"<p>".repeat(500)}${"</p>".repeat(500)}</nitf>`);
    const tooDeep = parseDelivery(deep);
    expect(!tooDeep.ok && tooDeep.error.code).toBe("too_deep");
  });

  it("wraps an unexpected exception as malformed instead of throwing", () => {
    const outcome = parseDelivery(nitf, { format: "no-such-format" as never });
    expect(!outcome.ok && outcome.error.code).toBe("malformed");
    expect(!outcome.ok && outcome.error.message).toMatch(/parser failed/);
  });

  it("reports unknown formats", () => {
    const outcome = parseDelivery(new Uint8Array([0, 159, 146, 150, 0, 0, 1]));
    expect(!outcome.ok && outcome.error.code).toBe("unknown_format");
  });

  it("names the field of a story that fails the schema", () => {
    const story = finishStory({ ...emptyStory("nitf", "g1"), urgency: 12 }, "<p>x</p>");
    expect(() => checkDelivery({ format: "nitf", stories: [story], recorded: [] })).toThrow(/item 1 \(g1\): field "urgency"/);
    expect(() => checkDelivery({ format: "nitf", stories: [], recorded: [] })).toThrow(WireParseError);
  });
});

describe("parseDelivery never throws and never hangs (fast-check)", () => {
  const SOURCES = [
    "newsml-g2/dpa/eil.xml",
    "newsml-g2/tt/TT_newsmlg2_sample.xml",
    "newsml-g2/iptc/LISTING_6_Simple_NewsML-G2_Package.xml",
    "nitf/NTB_nitf_sample.xml",
    "nitf/iptc-nitf-example-3.5.xml",
    "newsml-1.2/afp.com_newsml1.2_sample.xml",
    "rss/feedparser-conformance/rss/item_content_encoded.xml",
    "rss/feedparser-conformance/atom10/entry_content_inline_markup.xml",
    "dpa-digitalwires/eil.json",
    "ninjs/2.1/ntb_text.json",
    "anpa/iptc7901/dpa-eil.iptc",
    "plain/scraped-web-page-2024-03-14.txt",
  ];
  const samples = SOURCES.map((file) => readSample(file));

  function settles(bytes: Uint8Array): boolean {
    const started = performance.now();
    let outcome: ParseOutcome;
    try {
      outcome = parseDelivery(bytes);
    } catch (error) {
      throw new Error(`parseDelivery threw: ${String(error)}`);
    }
    const elapsed = performance.now() - started;
    if (elapsed > 2000) throw new Error(`parseDelivery took ${Math.round(elapsed)} ms`);
    return outcome.ok ? outcome.value.stories.length + outcome.value.recorded.length > 0 : outcome.error instanceof WireParseError;
  }

  it("random bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4096 }), settles), { numRuns: 200 });
  });

  it("random text with XML-ish and JSON-ish prefixes", () => {
    const prefix = fc.constantFrom("", "<nitf>", "<newsMessage><itemSet><newsItem>", "<NewsML>", "<rss><channel><item>", "<feed>", '{"uri":', '{"urn":"x","article_html":', "\u0001", "\u0016\u0016\u0001");
    fc.assert(fc.property(prefix, fc.string({ maxLength: 2000 }), (head, tail) => settles(new TextEncoder().encode(head + tail))), { numRuns: 200 });
  });

  const mutation = fc.oneof(
    fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant("truncate" as const), at: fc.nat(), value: fc.constant(0) }),
    fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  );

  function mutate(source: Uint8Array, steps: readonly { kind: "flip" | "truncate" | "insert"; at: number; value: number; bytes?: Uint8Array }[]): Uint8Array {
    let out = source.slice();
    for (const step of steps) {
      const at = out.length === 0 ? 0 : step.at % out.length;
      if (step.kind === "flip") out[at] = step.value;
      else if (step.kind === "truncate") out = out.slice(0, at);
      else out = new Uint8Array([...out.subarray(0, at), ...(step.bytes ?? []), ...out.subarray(at)]);
    }
    return out;
  }

  it("mutated real files (byte flips, truncation, insertions)", () => {
    fc.assert(
      fc.property(fc.nat({ max: samples.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 8 }), (index, steps) =>
        settles(mutate(samples[index] as Uint8Array, steps)),
      ),
      { numRuns: 200 },
    );
  });
});
