import { setTimeout as sleep } from "node:timers/promises";
import { ClientPool } from "../client-pool";
import { nowMs } from "../clock";
import { documentFormat } from "../documents";
import type { Profile } from "../profiles";
import { makeFigure, type Figure } from "../report";
import { createSessions, fetchLatestStory, postBroadcast, postDelivery, startBaselineServer, startDeskServer, type BenchServer } from "../servers";
import { summarize, type Summary } from "../stats";
import { createStoryFactory } from "../text";

const BASELINE = "bare Socket.IO 4.8 broadcasting the same payload to the same N clients";


interface Side {
  server: BenchServer;
  pool: ClientPool;
  missing: number;
  /** Sends one story and resolves once every client has it (or the round timed out). */
  round(index: number): Promise<void>;
}

function figuresFor(n: number, desk: Summary, base: Summary): Figure[] {
  const p95Target = n === 1000 ? { maxRatio: 1.5, maxValue: 50 } : { maxRatio: 1.5 };
  const common = { unit: "ms", baselineName: BASELINE };
  return [
    makeFigure({ name: `fan-out p95, N=${n}`, value: desk.p95, baseline: base.p95, target: p95Target, ...common }),
    makeFigure({ name: `fan-out p50, N=${n}`, value: desk.p50, baseline: base.p50, ...common }),
    makeFigure({ name: `fan-out p99, N=${n}`, value: desk.p99, baseline: base.p99, ...common }),
    makeFigure({ name: `fan-out max, N=${n}`, value: desk.max, baseline: base.max, ...common }),
  ];
}

/**
 * Part 1: N authenticated editors connected; one story ingested over HTTP per round; latency from just
 * before the ingest request to the event at each client. The baseline gets the same N clients and
 * the same payload through an HTTP-triggered broadcast. Rounds alternate Wiredesk / baseline.
 */
export async function runFanout(profile: Profile): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const { sizes, rounds, warmupRounds, gapMs } = profile.fanout;
  const make = createStoryFactory(1);
  const nitf = documentFormat("nitf");
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  for (const n of sizes) {
    const opened: { stop(): Promise<void> }[] = [];
    try {
      // Processes start in parallel; anything left running after a failure is stopped by the suite's clean-up.
      const [deskServer, baseServer, deskPool, basePool] = await Promise.all([
        startDeskServer({ connections: n }),
        startBaselineServer({ connections: n }),
        ClientPool.start(n),
        ClientPool.start(n),
      ]);
      opened.push(deskServer, baseServer, deskPool, basePool);
      const cookies = await createSessions(deskServer, n);
      await deskPool.connect(deskServer.url, cookies);
      await basePool.connect(baseServer.url, cookies.map(() => null));
      await postDelivery(deskServer.url, nitf.write([make(`urn:bench:fanout:${n}:template`)]));
      const template = await fetchLatestStory(deskServer.url, cookies[0]!);
      const timeoutMs = 10_000;
      const desk: Side = {
        server: deskServer,
        pool: deskPool,
        missing: 0,
        async round(i) {
          const body = nitf.write([make(`urn:bench:fanout:${n}:${i}`)]);
          const t0 = nowMs();
          const [guid] = await postDelivery(deskServer.url, body);
          deskPool.sendT0(guid!, t0);
          if (!(await deskPool.waitComplete(guid!, timeoutMs))) desk.missing++;
        },
      };
      const base: Side = {
        server: baseServer,
        pool: basePool,
        missing: 0,
        async round(i) {
          const key = `urn:bench:fanout-baseline:${n}:${i}`;
          const payload = { seq: template.seq + i, story: { ...template.story, guid: key } };
          const t0 = nowMs();
          const sent = postBroadcast(baseServer.url, payload);
          basePool.sendT0(key, t0);
          await sent;
          if (!(await basePool.waitComplete(key, timeoutMs))) base.missing++;
        },
      };
      for (let i = -warmupRounds; i < rounds; i++) {
        if (i === 0) await Promise.all([deskPool.collect(), basePool.collect()]); // drop the warm-up rounds
        for (const side of i % 2 === 0 ? [desk, base] : [base, desk]) {
          await side.round(i);
          await sleep(gapMs);
        }
      }
      const [deskSample, baseSample] = await Promise.all([deskPool.collect(), basePool.collect()]);
      const deskSummary = summarize(deskSample.latencies);
      const baseSummary = summarize(baseSample.latencies);
      if (deskSummary.count === 0 || baseSummary.count === 0) throw new Error(`no latencies measured at N=${n}`);
      figures.push(...figuresFor(n, deskSummary, baseSummary));
      details[`n${n}`] = { wiredesk: deskSummary, baseline: baseSummary, expectedPerSide: n * rounds, missingRounds: { wiredesk: desk.missing, baseline: base.missing } };
    } finally {
      for (const o of opened.reverse()) await o.stop().catch(() => undefined);
    }
  }
  return { figures, details };
}
