import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NormalizedStorySchema, RecordedItemSchema } from "../../domain/normalized-story";
import { parseDateline } from "../text/dateline";
import { decodeBytes } from "../text/encoding";
import { normalizeUrgency } from "../text/urgency";
import { parseAnpa } from "./anpa";
import { parseDigitalwires } from "./digitalwires";
import { parseIptc7901 } from "./iptc7901";
import { parseNinjs } from "./ninjs";
import { WireParseError, type WireParser } from "./parse-result";
import { parsePlain } from "./plain";
import { listSamples, readSample } from "./testing/samples";

const PARSERS: ReadonlyArray<readonly [string, WireParser, string[]]> = [
  ["ninjs", parseNinjs, listSamples("ninjs").filter((path) => !path.includes("test_suite"))],
  ["digitalwires", parseDigitalwires, listSamples("dpa-digitalwires")],
  ["iptc7901", parseIptc7901, listSamples("anpa/iptc7901")],
  ["anpa", parseAnpa, listSamples("anpa/iptc7901")],
  ["plain", parsePlain, listSamples("plain")],
];
/** Slowest acceptable parse of one small input; a regex gone exponential would blow far past it. */
const MAX_MS = 1500;

/** The WireParser contract: valid stories, or a WireParseError — never another exception, never a hang. */
function honoursContract(parse: WireParser, bytes: Uint8Array): void {
  const started = performance.now();
  try {
    const delivery = parse(bytes);
    for (const story of delivery.stories) expect(NormalizedStorySchema.safeParse(story).error).toBeUndefined();
    for (const item of delivery.recorded) expect(RecordedItemSchema.safeParse(item).success).toBe(true);
  } catch (error) {
    if (!(error instanceof WireParseError)) throw error;
    // The guard turns bugs into "… parser failed: …"; a deliberate refusal never says that.
    expect(error.message).not.toMatch(/parser failed/);
  }
  expect(performance.now() - started).toBeLessThan(MAX_MS);
}

const CONTROL = [0x01, 0x02, 0x03, 0x04, 0x07, 0x16, 0x1f, 0x7f, 0x0d, 0x0a, 0x09, 0x13, 0x11];
/** Bytes that look like teletype: control bytes, `^`, `=`, `(Eil`, digits, letters and UTF-8 pieces. */
const teletypeBytes = fc
  .array(
    fc.oneof(
      fc.constantFrom(...CONTROL).map((byte) => [byte]),
      fc.constantFrom("^", "=", "<", " =\r\n", "(Eil ", "# Notizblock\n", "| a | b |\n", "Berlin (dpa) - ", "\t   ", "1ST LEAD\n", "ü", "251037 Sep 24").map((text) => [...new TextEncoder().encode(text)]),
      fc.integer({ min: 0x20, max: 0xff }).map((byte) => [byte]),
    ),
    { maxLength: 400 },
  )
  .map((chunks) => new Uint8Array(chunks.flat()));

/** JSON objects built from the keys the JSON parsers read, with values of any JSON type. */
const KEYS = ["uri", "urn", "type", "version", "headline", "headlines", "bodies", "body_html", "body_text", "urgency", "pubstatus", "pubStatus", "dateline", "article_html", "categories", "subjects", "places", "located", "descriptions", "items", "entries", "ednotes", "signal", "keywords", "by", "byline"];
const jsonishBytes = fc
  .dictionary(fc.constantFrom(...KEYS), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 12 })
  .map((value) => new TextEncoder().encode(JSON.stringify(value)));

/** A real sample with random byte flips and a random truncation. */
function mutated(sample: Uint8Array) {
  return fc
    .record({
      flips: fc.array(fc.record({ at: fc.nat({ max: Math.max(sample.length - 1, 0) }), value: fc.integer({ min: 0, max: 255 }) }), { maxLength: 8 }),
      keep: fc.integer({ min: 0, max: sample.length }),
    })
    .map(({ flips, keep }) => {
      const copy = sample.slice(0, keep);
      for (const { at, value } of flips) if (at < copy.length) copy[at] = value;
      return copy;
    });
}

describe("parsers never throw anything but WireParseError and never hang", () => {
  for (const [name, parse, samples] of PARSERS) {
    describe(name, () => {
      it("on random bytes", () => {
        fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => honoursContract(parse, bytes)), { numRuns: 150 });
      });

      it("on teletype-like and JSON-like bytes", () => {
        fc.assert(fc.property(fc.oneof(teletypeBytes, jsonishBytes), (bytes) => honoursContract(parse, bytes)), { numRuns: 300 });
      });

      it("on mutated and truncated real files", () => {
        for (const path of samples) {
          fc.assert(fc.property(mutated(readSample(path)), (bytes) => honoursContract(parse, bytes)), { numRuns: 40 });
        }
      });
    });
  }
});

describe("shared helpers are total", () => {
  it("parseDateline returns null or a dateline whose rest ends the paragraph, quickly", () => {
    const paragraphs = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.array(fc.constantFrom("A", "Berlin", ", ", "/", " (", ")", "(dpa)", " - ", "—", "12", " January ", "2022", ".", " "), { maxLength: 200 }).map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(paragraphs, (paragraph) => {
        const started = performance.now();
        const found = parseDateline(paragraph);
        expect(performance.now() - started).toBeLessThan(100);
        if (found) expect(paragraph.replace(/\u00a0/g, " ").trimEnd().endsWith(found.rest)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("normalizeUrgency always gives an integer 1..9", () => {
    const values = fc.oneof(fc.double(), fc.integer(), fc.string({ maxLength: 8 }), fc.constant(null), fc.constant(undefined));
    fc.assert(
      fc.property(values, fc.constantFrom<"iptc" | "nitf" | "7901">("iptc", "nitf", "7901"), (value, scale) => {
        const urgency = normalizeUrgency(value, scale);
        expect(Number.isInteger(urgency) && urgency >= 1 && urgency <= 9).toBe(true);
      }),
    );
  });

  it("decodeBytes accepts any bytes and any declared label", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 500 }), fc.option(fc.string({ maxLength: 20 })), (bytes, label) => typeof decodeBytes(bytes, label) === "string"));
  });
});
