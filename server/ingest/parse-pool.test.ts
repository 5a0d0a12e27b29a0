import { describe, expect, it } from "vitest";
import { readSample } from "./parsers/testing/samples";
import { INLINE_PARSE_BYTES, ParsePool } from "./parse-pool";

/** A real NITF story padded with many paragraphs, so it goes to the worker. */
function largeNitf(paragraphs: number): Uint8Array {
  const base = new TextDecoder().decode(readSample("nitf/NTB_nitf_sample.xml"));
  const filler = Array.from({ length: paragraphs }, (_, i) => `<p>Filler paragraph ${i} with a few words of wire copy.</p>`).join("");
  return new TextEncoder().encode(base.replace("</body.content>", `${filler}</body.content>`));
}

describe("parse pool", () => {
  it("parses a large delivery on the worker with the same result as inline", async () => {
    const pool = new ParsePool(20_000);
    try {
      const bytes = largeNitf(2000);
      expect(bytes.byteLength).toBeGreaterThan(INLINE_PARSE_BYTES);
      const outcome = await pool.parse(bytes);
      expect(outcome.ok ? "ok" : outcome.error.message).toBe("ok");
      if (outcome.ok) {
        expect(outcome.value.format).toBe("nitf");
        expect(outcome.value.stories[0]?.bodyText).toContain("Filler paragraph 1999");
      }
    } finally {
      await pool.close();
    }
  });

  it("stops a delivery that takes longer than the budget with a timeout error, and keeps serving", async () => {
    const pool = new ParsePool(150);
    try {
      const slow = await pool.parse(largeNitf(60_000));
      expect(slow).toMatchObject({ ok: false, error: { code: "timeout" } });
      const small = await pool.parse(readSample("nitf/NTB_nitf_sample.xml"));
      expect(small.ok).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
