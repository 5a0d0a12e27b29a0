import { copyFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { makeTempDir } from "../children";
import { benchLog } from "../log";
import { ClientPool } from "../client-pool";
import { documentFormat } from "../documents";
import type { Profile } from "../profiles";
import { makeFigure, type Figure } from "../report";
import { getScaleDb } from "../scale-db";
import { createSessions, fetchLatestStory, postBroadcast, postDelivery, startBaselineServer, startDeskServer, type BenchServer } from "../servers";
import { measureStream, streamLength, type StreamResult, type StreamSender } from "../stream";
import { createStoryFactory } from "../text";

const BASELINE = "bare Socket.IO with the same editors and the same broadcast rate";

/** Connects the editors, then streams stories at the rate (after a warm-up) inside a server window. */
async function underLoad(server: BenchServer, pool: ClientPool, cookies: (string | null)[], profile: Profile["mixed"], settleMs: number, send: StreamSender): Promise<StreamResult> {
  await pool.connect(server.url, cookies);
  await sleep(settleMs);
  return measureStream({ server, pool, clients: cookies.length, rate: profile.rate, seconds: profile.seconds, warmupSeconds: profile.warmupSeconds, withWindow: true, settleMs, send });
}

/**
 * Part 6: many editors connected to Wiredesk on a large generated database while stories arrive over
 * HTTP at a steady rate (open loop): fan-out latency, event-loop delay p99, CPU and memory at the end;
 * then the same editors and rate on the bare baseline. Co-editing is not part of the mix yet.
 */
export async function runMixed(profile: Profile): Promise<{ figures: Figure[]; details: Record<string, unknown>; note: string }> {
  const { editors, rate, seconds, stories } = profile.mixed;
  const source = await getScaleDb(stories, benchLog);
  const dbFile = path.join(makeTempDir("mixed"), "wiredesk.db");
  copyFileSync(source.file, dbFile); // the server writes: keep the generated database pristine
  const make = createStoryFactory(11);
  const formats = ["nitf", "ninjs", "newsml-g2"].map((f) => documentFormat(f as "nitf"));
  const bodies = Array.from({ length: streamLength(rate, seconds, profile.mixed.warmupSeconds) }, (_, i) => formats[i % formats.length]!.write([make(`urn:bench:mixed:${i}`)]));
  let pushed: Record<string, unknown> = {};
  const [desk, deskPool] = await Promise.all([startDeskServer({ connections: editors, dbFile }), ClientPool.start(editors)]);
  let deskResult: StreamResult;
  try {
    const cookies = await createSessions(desk, editors);
    deskResult = await underLoad(desk, deskPool, cookies, profile.mixed, profile.settleMs, async (i, t0, pool) => {
      for (const guid of await postDelivery(desk.url, bodies[i]!)) pool.sendT0(guid, t0);
    });
    pushed = (await fetchLatestStory(desk.url, cookies[0]!)).story;
  } finally {
    await deskPool.stop();
    await desk.stop();
  }
  const [base, basePool] = await Promise.all([startBaselineServer({ connections: editors }), ClientPool.start(editors)]);
  let baseResult: StreamResult;
  try {
    baseResult = await underLoad(base, basePool, Array.from({ length: editors }, () => null), profile.mixed, profile.settleMs, async (i, t0, pool) => {
      const key = `urn:bench:mixed-baseline:${i}`;
      const sent = postBroadcast(base.url, { seq: i + 1, story: { ...pushed, guid: key } });
      pool.sendT0(key, t0);
      await sent;
    });
  } finally {
    await basePool.stop();
    await base.stop();
  }
  const mb = (bytes: number) => bytes / 2 ** 20;
  const deskWindow = deskResult.window!;
  const baseWindow = baseResult.window!;
  const label = `${editors} editors, ${rate} stories/s, ${seconds} s`;
  const figures = [
    makeFigure({ name: `fan-out p95 (${label})`, value: deskResult.latency.p95, unit: "ms", baseline: baseResult.latency.p95, baselineName: BASELINE, target: { maxRatio: 1.5, maxValue: 50 } }),
    makeFigure({ name: `fan-out p99 (${label})`, value: deskResult.latency.p99, unit: "ms", baseline: baseResult.latency.p99, baselineName: BASELINE }),
    makeFigure({ name: "event-loop delay p99", value: deskWindow.loopDelayMs.p99, unit: "ms", baseline: baseWindow.loopDelayMs.p99, baselineName: BASELINE }),
    makeFigure({ name: "server CPU", value: deskWindow.cpuPercent, unit: "% of a core", baseline: baseWindow.cpuPercent, baselineName: BASELINE }),
    makeFigure({ name: "server RSS at the end", value: mb(deskWindow.memory.rss), unit: "MiB", baseline: mb(baseWindow.memory.rss), baselineName: BASELINE }),
    makeFigure({ name: "server heap used at the end", value: mb(deskWindow.memory.heapUsed), unit: "MiB", baseline: mb(baseWindow.memory.heapUsed), baselineName: BASELINE }),
  ];
  const missing = deskResult.expected - deskResult.received;
  return {
    figures,
    details: { editors, rate, seconds, databaseStories: stories, wiredesk: deskResult, baseline: baseResult },
    note: `Wiredesk ran on a copy of a generated database of ${stories.toLocaleString("en-US")} stories. ${missing === 0 ? "Every editor received every story." : `${missing} of ${deskResult.expected} expected events did not arrive.`} Co-editing is not in this mix: part 5 (bench:collab) measures it beside a bare relay.`,
  };
}
