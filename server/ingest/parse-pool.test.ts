import { describe, expect, it } from "vitest";
import { readSample } from "./parsers/testing/samples";
import { parseDelivery } from "./parse-delivery";
import { INLINE_PARSE_BYTES, ParsePool } from "./parse-pool";

/** The same real NITF story under a different id each time: small deliveries of a busy wire. */
function smallNitf(index: number): Uint8Array {
  const base = new TextDecoder().decode(readSample("nitf/NTB_nitf_sample.xml"));
  return new TextEncoder().encode(base.replace(/id-string="[^"]*"/, `id-string="burst-${index}"`));
}

/** A real NITF story padded with many paragraphs, so it goes to the worker. */
function largeNitf(paragraphs: number): Uint8Array {
  const base = new TextDecoder().decode(readSample("nitf/NTB_nitf_sample.xml"));
  const filler = Array.from({ length: paragraphs }, (_, i) => `<p>Filler paragraph ${i} with a few words of wire copy.</p>`).join("");
  return new TextEncoder().encode(base.replace("</body.content>", `${filler}</body.content>`));
}

/** Runs `test` on a new pool and closes the pool afterwards, whatever happens. */
async function withPool(budgetMs: number, options: { burstsOnWorker?: boolean }, test: (pool: ParsePool) => Promise<void>): Promise<void> {
  const pool = new ParsePool(budgetMs, options);
  try {
    await test(pool);
  } finally {
    await pool.close();
  }
}

describe("parse pool", () => {
  it("parses a large delivery on the worker with the same result as inline", async () => {
    await withPool(20_000, {}, async (pool) => {
      const bytes = largeNitf(2000);
      expect(bytes.byteLength).toBeGreaterThan(INLINE_PARSE_BYTES);
      const outcome = await pool.parse(bytes);
      expect(outcome.ok ? "ok" : outcome.error.message).toBe("ok");
      if (outcome.ok) {
        expect(outcome.value.format).toBe("nitf");
        expect(outcome.value.stories[0]?.bodyText).toContain("Filler paragraph 1999");
      }
    });
  });

  it("stops a delivery that takes longer than the budget with a timeout error, and keeps serving", async () => {
    await withPool(150, {}, async (pool) => {
      const slow = await pool.parse(largeNitf(60_000));
      expect(slow).toMatchObject({ ok: false, error: { code: "timeout" } });
      const small = await pool.parse(readSample("nitf/NTB_nitf_sample.xml"));
      expect(small.ok).toBe(true);
    });
  });

  it("parses a lone small delivery inline, without starting the worker", async () => {
    await withPool(20_000, {}, async (pool) => {
      const outcome = await pool.parse(smallNitf(1));
      expect(outcome.ok).toBe(true);
      expect(pool.parseCounts()).toEqual({ inline: 1, worker: 0 });
    });
  });

  it("parses a burst of small deliveries on the worker once it is up: same stories, in arrival order", async () => {
    await withPool(20_000, { burstsOnWorker: true }, async (pool) => {
      await pool.ready();
      const burst = Array.from({ length: 12 }, (_, i) => smallNitf(i));
      const finished: number[] = [];
      const outcomes = await Promise.all(burst.map((bytes, i) => pool.parse(bytes).then((outcome) => (finished.push(i), outcome))));
      expect(outcomes).toEqual(burst.map((bytes) => parseDelivery(bytes)));
      expect(outcomes.map((o) => (o.ok ? o.value.stories[0]?.guid : o.error.message))).toEqual(burst.map((_, i) => `burst-${i}`));
      expect(finished).toEqual(burst.map((_, i) => i));
      // The first of the burst parses inline at once; the rest go to the worker.
      expect(pool.parseCounts()).toEqual({ inline: 1, worker: 11 });
    });
  });

  it("keeps bursts inline when told to (one core), even with the worker up", async () => {
    await withPool(20_000, { burstsOnWorker: false }, async (pool) => {
      await pool.ready();
      const outcomes = await Promise.all([0, 1, 2, 3].map((i) => pool.parse(smallNitf(i))));
      expect(outcomes.every((o) => o.ok)).toBe(true);
      expect(pool.parseCounts()).toEqual({ inline: 4, worker: 0 });
    });
  });

  it("parses a burst inline while the worker is still starting, so nothing waits for it", async () => {
    await withPool(20_000, { burstsOnWorker: true }, async (pool) => {
      const outcomes = await Promise.all([0, 1, 2].map((i) => pool.parse(smallNitf(i))));
      expect(outcomes.every((o) => o.ok)).toBe(true);
      expect(pool.parseCounts()).toEqual({ inline: 3, worker: 0 });
      await pool.ready(); // the burst started it for the next one
      await Promise.all([3, 4].map((i) => pool.parse(smallNitf(i))));
      expect(pool.parseCounts()).toEqual({ inline: 4, worker: 1 });
    });
  });

  it("lets the deliveries already on the worker finish when it closes, instead of failing them", async () => {
    const pool = new ParsePool(20_000, { burstsOnWorker: true });
    await pool.ready();
    const burst = Array.from({ length: 6 }, (_, i) => pool.parse(smallNitf(i)));
    await pool.close();
    const outcomes = await Promise.all(burst);
    expect(outcomes.map((o) => (o.ok ? "ok" : o.error.message))).toEqual(burst.map(() => "ok"));
    expect(pool.parseCounts().worker).toBe(5);
  });
});
