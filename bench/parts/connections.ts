import { setTimeout as sleep } from "node:timers/promises";
import { ClientPool } from "../client-pool";
import type { Profile } from "../profiles";
import { makeFigure, type Figure } from "../report";
import { createSessions, startBaselineServer, startDeskServer, type BenchServer } from "../servers";

const BASELINE = "bare Socket.IO 4.8 with the same idle websocket clients";
const WARM_UP_SOCKETS = 10;

interface PerConnection {
  heapBytes: number;
  rssBytes: number;
  connected: number;
}

/**
 * Measures one fresh server process: memory after a full GC with a few warm-up sockets connected
 * (so lazily loaded code is not charged to the editors), then N more idle editors, settle, GC, measure.
 */
async function measure(start: () => Promise<BenchServer>, n: number, settleMs: number): Promise<PerConnection> {
  const [server, pool] = await Promise.all([start(), ClientPool.start(n)]);
  try {
    const cookies = server.kind === "wiredesk" ? await createSessions(server, n + WARM_UP_SOCKETS) : Array.from({ length: n + WARM_UP_SOCKETS }, () => null);
    await pool.connect(server.url, cookies.slice(0, WARM_UP_SOCKETS));
    await sleep(settleMs);
    const before = await server.memory(true);
    await pool.connect(server.url, cookies.slice(WARM_UP_SOCKETS));
    await sleep(settleMs);
    const after = await server.memory(true);
    const connected = (await server.rpc.call<number>("clients")) - WARM_UP_SOCKETS;
    if (connected !== n) throw new Error(`${server.kind}: ${connected} of ${n} editors connected`);
    return { heapBytes: (after.heapUsed - before.heapUsed) / n, rssBytes: (after.rss - before.rss) / n, connected };
  } finally {
    await pool.stop();
    await server.stop();
  }
}

/** Part 2: heap and RSS per idle connected editor, Wiredesk against the bare Socket.IO baseline. */
export async function runConnections(profile: Profile): Promise<{ figures: Figure[]; details: Record<string, unknown> }> {
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  for (const n of profile.connections.sizes) {
    const base = await measure(() => startBaselineServer({ connections: n }), n, profile.connections.settleMs);
    const desk = await measure(() => startDeskServer({ connections: n }), n, profile.connections.settleMs);
    const common = { unit: "B/conn", baselineName: BASELINE, target: { maxRatio: 1.5 } };
    figures.push(
      makeFigure({ name: `heap per editor, N=${n}`, value: desk.heapBytes, baseline: base.heapBytes, ...common }),
      makeFigure({ name: `RSS per editor, N=${n}`, value: desk.rssBytes, baseline: base.rssBytes, ...common }),
    );
    details[`n${n}`] = { wiredesk: desk, baseline: base };
  }
  return { figures, details };
}
