import { EditorWorkers, type TypedTurns } from "../editor-pool";
import { ninjsStory } from "../../server/testing/test-server";
import type { Profile } from "../profiles";
import { makeFigure, type Figure } from "../report";
import { createSessions, ingestDelivery, startBaselineServer, startDeskServer, type BenchServer } from "../servers";
import type { WindowStats } from "../server-stats";
import { mean, sum, summarize, type Summary } from "../stats";
import type { StoryUpsertedEvent } from "../../server/contract/events";
import type { StorySummary } from "../../server/contract/story";

const BASELINE = "bare Socket.IO 4.8 relaying raw Yjs updates to the story's room";

/** Ingests `count` stories (a body of eight paragraphs each) and answers their ids. */
async function storyIds(server: BenchServer, count: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const [story] = await ingestDelivery(server.url, ninjsStory({ uri: `urn:bench:${tag}:${i}`, headline: `Bench story ${i}`, body: "<p>A paragraph of body text for the benchmark.</p>".repeat(8) }));
    ids.push(story!.id);
  }
  return ids;
}

interface Scenario {
  stories: number;
  editorsPerStory: number;
  intervalMs: number;
  seconds: number;
  /** Rounds of one turn each (`seconds` long), baseline and Wiredesk alternating A-B-B-A. */
  rounds: number;
  wire: boolean;
  /** A third side: the relay also sending every editor `story:upserted` (100 a second, about what each Wiredesk desk gets here). */
  relayWithDeskEvents: boolean;
}

/** The desks' events in the loaded relay's turns: a round of 8 every 80 ms, about the 100 a second each Wiredesk desk receives here. */
const DESK_EVENT_BATCH = 8;
const DESK_EVENT_EVERY_MS = 80;
const LOADED_BASELINE = `the same relay, also sending every editor ${(DESK_EVENT_BATCH * 1000) / DESK_EVENT_EVERY_MS} story:upserted a second through Wiredesk's PacedBroadcast (no target: it tells the desks' load from the rest)`;

/** A real `story:upserted` of this run's Wiredesk (a story's summary as the desks get it), for the loaded relay to send. */
async function sampleEvent(desk: BenchServer, cookie: string, id: string): Promise<StoryUpsertedEvent> {
  const detail = (await (await fetch(`${desk.url}/api/stories/${id}`, { headers: { cookie } })).json()) as Record<string, unknown>;
  const { bodyHtml: _b, bodyText: _t, editorNote: _n, sources: _s, ...story } = detail;
  return { seq: Number(detail.seq ?? 1), story: story as unknown as StorySummary };
}

async function runScenario(workers: EditorWorkers, desk: BenchServer, relay: BenchServer, cookies: string[], s: Scenario, tag: string) {
  const ids = await storyIds(desk, s.stories, tag);
  const total = s.stories * s.editorsPerStory;
  try {
    for (const [n, id] of ids.entries()) {
      for (let e = 0; e < s.editorsPerStory; e++) {
        const index = n * s.editorsPerStory + e;
        await workers.add("desk", index, desk.url, id, cookies[index % cookies.length]);
        await workers.add("relay", index, relay.url, id);
      }
    }
    let wireCount = 0;
    // The wire runs during Wiredesk's turns only: its pushes to every desk must not load the editors
    // while the relay is timed. A refused or reset wire request is load, not a result.
    const startWire = () => (s.wire ? setInterval(() => void ingestDelivery(desk.url, ninjsStory({ uri: `urn:bench:wire:${tag}:${wireCount++}`, headline: "Wire copy during co-editing" })).catch(() => undefined), 100) : null);
    // Turns alternate, A-B-B-A, with a pause between them, so drift, write-backs still due and the order
    // itself fall on both sides.
    const turns = { base: [] as Turn[], desk: [] as Turn[], loaded: [] as Turn[] };
    // The relay's keystrokes are collected after each of its turns, so the two relay sides stay apart.
    const relayLatencies = { base: [] as number[], loaded: [] as number[], bytes: [] as number[] };
    const event = s.relayWithDeskEvents ? await sampleEvent(desk, cookies[0]!, ids[0]!) : null;
    const sides: ("base" | "desk" | "loaded")[] = event ? ["base", "desk", "loaded"] : ["base", "desk"];
    for (let round = 0; round < s.rounds; round++) {
      for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
        if (side === "base") {
          turns.base.push(await turn(relay, () => workers.type("relay", total, s)));
          const typed = await workers.latencies("relay", s.editorsPerStory);
          relayLatencies.base.push(...typed.latencies);
          relayLatencies.bytes.push(...typed.bytes);
        } else if (side === "loaded") {
          await relay.rpc.call("desk-events", { event, batch: DESK_EVENT_BATCH, everyMs: DESK_EVENT_EVERY_MS });
          try {
            turns.loaded.push(await turn(relay, () => workers.type("relay", total, s)));
          } finally {
            await relay.rpc.call("desk-events", null);
          }
          relayLatencies.loaded.push(...(await workers.latencies("relay", s.editorsPerStory)).latencies);
        } else {
          const wire = startWire();
          try {
            turns.desk.push(await turn(desk, () => workers.type("desk", total, s)));
          } finally {
            if (wire) clearInterval(wire);
          }
        }
        await new Promise((resolve) => setTimeout(resolve, TURN_PAUSE_MS));
      }
    }
    const measured = await workers.latencies("desk", s.editorsPerStory);
    const base = { latencies: relayLatencies.base, bytes: relayLatencies.bytes };
    const perSecond = (side: Turn[]) => sum(side.map((t) => t.upserted)) / (sum(side.map((t) => t.wallMs)) / 1000);
    const upsertedPerSecond = perSecond(turns.desk);
    const [baseKeys, deskKeys] = [sum(turns.base.map((t) => t.keys)), sum(turns.desk.map((t) => t.keys))];
    const load = (side: Turn[]) => ({ serverCpuPercent: mean(side.map((t) => t.server.cpuPercent)), serverLoopDelayP99Ms: Math.max(...side.map((t) => t.server.loopDelayMs.p99)), generatorCpuPercent: mean(side.map((t) => t.generatorCpuPercent)), generatorLoopDelayP99Ms: Math.max(...side.map((t) => t.generatorLoopDelayP99Ms)) });
    return { desk: summarize(measured.latencies), base: summarize(base.latencies), deskKeys, baseKeys, deskBytes: mean(measured.bytes), baseBytes: mean(base.bytes), upsertedPerSecond, deskLoad: load(turns.desk), baseLoad: load(turns.base), loaded: event ? summarize(relayLatencies.loaded) : null, loadedLoad: event ? load(turns.loaded) : null, loadedUpsertedPerSecond: event ? perSecond(turns.loaded) : null, ids };
  } finally {
    await workers.closeEditors();
  }
}

/** Quiet time between turns: write-backs due after one turn's last keystroke land before the next turn. */
const TURN_PAUSE_MS = 1000;

/** One side's turn: what the editor processes report, and its server's CPU and event-loop delay. */
interface Turn extends TypedTurns {
  server: WindowStats;
}

/** One side's turn of typing, with its server's CPU and event-loop delay and the load generators' figures. */
async function turn(server: BenchServer, typeAll: () => Promise<TypedTurns>): Promise<Turn> {
  await server.startWindow();
  const typed = await typeAll();
  return { ...typed, server: await server.stopWindow() };
}

/**
 * Part 5: keystroke-to-remote latency and bytes per keystroke against a bare relay; memory per open
 * document. Wiredesk and the relay each run in their own process, as in the other parts; the editors
 * (real Socket.IO clients with the desk's CollabProvider) run in editor processes (bench/editor-worker.ts).
 */
export async function runCoedit(profile: Profile): Promise<{ figures: Figure[]; details: Record<string, unknown>; note: string }> {
  const c = profile.coedit;
  const [desk, relay] = await Promise.all([startDeskServer({ connections: c.stories * 3 + 100 }), startBaselineServer({ connections: c.stories * 3 + 100 })]);
  try {
    const cookies = await createSessions(desk, c.sessions);
    const workers = await EditorWorkers.start(c.editorProcesses, Math.max(c.oneStoryEditors, c.stories * 3) * 2);
    let one: Awaited<ReturnType<typeof runScenario>>;
    let many: typeof one;
    try {
      one = await runScenario(workers, desk, relay, cookies, { stories: 1, editorsPerStory: c.oneStoryEditors, intervalMs: c.intervalMs, seconds: c.seconds, rounds: c.rounds, wire: false, relayWithDeskEvents: false }, "one");
      many = await runScenario(workers, desk, relay, cookies, { stories: c.stories, editorsPerStory: 3, intervalMs: c.manyIntervalMs, seconds: c.seconds, rounds: c.rounds, wire: true, relayWithDeskEvents: true }, "many");
    } finally {
      await workers.stop();
    }
    await new Promise((resolve) => setTimeout(resolve, 1500)); // write-backs and unloads settle

    // Memory: open documents without sockets, then unload them (heaps read after full collections).
    const memoryIds = await storyIds(desk, c.memoryDocs, "memory");
    await desk.rpc.call("collab:unload", null, 120_000);
    const before = (await desk.memory(true)).heapUsed;
    await desk.rpc.call("collab:open", { ids: memoryIds }, 120_000);
    const open = (await desk.memory(true)).heapUsed;
    await desk.rpc.call("collab:unload", null, 120_000);
    const after = (await desk.memory(true)).heapUsed;
    const perDoc = (open - before) / memoryIds.length;
    const leftPerDoc = (after - before) / memoryIds.length;

    const latency = (name: string, key: "p50" | "p95", r: { desk: Summary; base: Summary }) =>
      makeFigure({ name, value: r.desk[key], baseline: r.base[key], unit: "ms", baselineName: BASELINE, target: { maxRatio: 1.3 } });
    const figures = [
      latency(`keystroke to remote p50, ${c.oneStoryEditors} editors in one story`, "p50", one),
      latency(`keystroke to remote p95, ${c.oneStoryEditors} editors in one story`, "p95", one),
      latency(`keystroke to remote p50, ${c.stories} stories × 3 editors, wire running`, "p50", many),
      latency(`keystroke to remote p95, ${c.stories} stories × 3 editors, wire running`, "p95", many),
      ...(many.loaded && many.loadedLoad && many.loadedUpsertedPerSecond !== null
        ? [
            makeFigure({ name: `keystroke to remote p95, ${c.stories} stories × 3 editors, against the relay also sending the desks' story:upserted`, value: many.desk.p95, baseline: many.loaded.p95, unit: "ms", baselineName: LOADED_BASELINE }),
            makeFigure({ name: "story:upserted delivered to the relay's editors per second in its loaded turns", value: many.loadedUpsertedPerSecond, unit: "/s" }),
            makeFigure({ name: `load generator event-loop delay p99, ${c.stories} stories × 3 editors, relay also sending the desks' story:upserted`, value: many.deskLoad.generatorLoopDelayP99Ms, baseline: many.loadedLoad.generatorLoopDelayP99Ms, unit: "ms", baselineName: LOADED_BASELINE }),
          ]
        : []),
      makeFigure({ name: "bytes per keystroke on the wire (update payload)", value: one.deskBytes, baseline: one.baseBytes, unit: "B", baselineName: BASELINE }),
      makeFigure({ name: "story:upserted delivered to the desks per second while typing", value: many.upsertedPerSecond, unit: "/s" }),
      makeFigure({ name: `server CPU while typing, ${c.stories} stories × 3 editors (% of one core)`, value: many.deskLoad.serverCpuPercent, baseline: many.baseLoad.serverCpuPercent, unit: "%", baselineName: BASELINE }),
      makeFigure({ name: `load generators' CPU while typing, ${c.stories} stories × 3 editors (${c.editorProcesses} editor processes summed, % of one core)`, value: many.deskLoad.generatorCpuPercent, baseline: many.baseLoad.generatorCpuPercent, unit: "%", baselineName: "the same editors on the relay" }),
      makeFigure({ name: `load generator event-loop delay p99 while typing, ${c.stories} stories × 3 editors (worst process, worst turn)`, value: many.deskLoad.generatorLoopDelayP99Ms, baseline: many.baseLoad.generatorLoopDelayP99Ms, unit: "ms", baselineName: "the same editors on the relay" }),
      makeFigure({ name: "heap per open story document", value: perDoc, unit: "B" }),
      makeFigure({ name: "heap left per document after unloading", value: Math.max(0, leftPerDoc), unit: "B" }),
    ];
    return {
      figures,
      details: { one, many, memory: { docs: memoryIds.length, perDoc, leftPerDoc } },
      note: `Wiredesk and the relay each run in their own process; the editors are spread over ${c.editorProcesses} editor processes (a story's editors spread over them, as each editor has their own browser; each editor its own address), on the same cores; every process starts typing at the same moment of the shared clock, and the part fails unless every keystroke reached every co-editor. Turns alternate A-B-B-A with a 1-second pause; the wire (10 stories/s) runs during Wiredesk's turns only. Each Wiredesk editor is also a desk: it receives every story:upserted (counted, not decoded; see DeskDecoder). With 100 stories, a third side takes turns too: the same relay also sending every editor ${(DESK_EVENT_BATCH * 1000) / DESK_EVENT_EVERY_MS} story:upserted a second (a real one of this run, through Wiredesk's PacedBroadcast), read the same way: the desks' load without the rest of Wiredesk. Wiredesk stores each update in SQLite (WIREDESK_SQLITE_SYNC=full) before it acknowledges it; the relay stores nothing.`,
    };
  } finally {
    await Promise.all([relay.stop(), desk.stop()]);
  }
}
