import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { io, type Socket } from "socket.io-client";
import * as Y from "yjs";
import { CollabProvider } from "@/components/collab/collab-provider";
import type { ClientToServerEvents, ServerToClientEvents } from "../contract/events";
import { ChildServer } from "./child-server";

const TOKEN = "soak-run-ingest-token-0123456789";
const METRICS = "soak-run-metrics-token-0123456789";
const ADMIN = { email: "soak@soak.wiredesk", password: "soak-admin-password" };

type DeskClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * One sample interval of the server's figures (from its /metrics, read every few seconds). Heap and RSS are
 * the interval's floor: a single reading lands anywhere on the collector's sawtooth (40 MiB one minute,
 * 150 the next with nothing kept), while the lowest reading bounds what the server really holds.
 */
export interface SoakSample {
  minute: number;
  heapUsedMiB: number;
  heapPeakMiB: number;
  rssMiB: number;
  eventLoopP99Ms: number;
  handles: number;
  sockets: number;
  stories: number;
}

/** What a soak found: a sample per interval and whether memory levelled off. */
export interface SoakResult {
  samples: SoakSample[];
  clients: number;
  editors: number;
  stories: number;
  keystrokes: number;
  /** Median heap floor of the last third of the run over that of the middle third. */
  heapGrowth: number;
  rssGrowth: number;
  levelsOff: boolean;
}

function metric(text: string, name: string): number {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, "m").exec(text);
  return match ? Number(match[1]) : NaN;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const PROBE_MS = 3000;

async function readMetrics(server: ChildServer): Promise<string> {
  return (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS}` } })).text();
}

/** Reads the metrics every few seconds for `ms`, and sums them up as one sample (floors of memory, the last reading of the rest). */
async function sampleOver(server: ChildServer, ms: number, startedAt: number, stories: () => number): Promise<SoakSample> {
  const heaps: number[] = [];
  const rss: number[] = [];
  const end = Date.now() + ms;
  let text = "";
  do {
    await new Promise((r) => setTimeout(r, Math.max(0, Math.min(PROBE_MS, end - Date.now()))));
    text = await readMetrics(server);
    heaps.push(metric(text, "nodejs_heap_size_used_bytes") / 2 ** 20);
    rss.push(metric(text, "process_resident_memory_bytes") / 2 ** 20);
  } while (Date.now() < end);
  return {
    // Minutes actually elapsed: on a busy machine a sample interval takes longer than asked.
    minute: (Date.now() - startedAt) / 60_000,
    heapUsedMiB: Math.min(...heaps),
    heapPeakMiB: Math.max(...heaps),
    rssMiB: Math.min(...rss),
    eventLoopP99Ms: metric(text, "nodejs_eventloop_lag_p99_seconds") * 1000,
    handles: metric(text, "nodejs_active_handles_total"),
    sockets: metric(text, "wiredesk_connected_sockets"),
    stories: stories(),
  };
}

/** Whether the later samples stay near the middle ones: memory levelled off rather than climbing. */
function growth(samples: SoakSample[], pick: (s: SoakSample) => number): number {
  const third = Math.max(1, Math.floor(samples.length / 3));
  const middle = samples.slice(third, 2 * third).map(pick);
  const last = samples.slice(-third).map(pick);
  return median(last) / median(middle.length > 0 ? middle : last);
}

/**
 * Runs the desk under steady load for `minutes`: `clients` desks receiving every story, `ratePerSecond`
 * stories over HTTP, and `editors` co-editors typing in pairs (each pair moves to a fresh story every
 * sample, so documents load and unload). Samples heap, RSS, event-loop delay, handles and sockets
 * every `sampleSeconds`, on loopback only, and stops by itself.
 */
export async function soakRun(options: { minutes: number; clients: number; ratePerSecond: number; editors: number; sampleSeconds: number; onSample?: (s: SoakSample) => void }): Promise<SoakResult> {
  const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-soak-"));
  const server = new ChildServer(path.join(dir, "soak.db"), { WIREDESK_INGEST_TOKEN: TOKEN, WIREDESK_METRICS_TOKEN: METRICS, WIREDESK_ADMIN_EMAIL: ADMIN.email, WIREDESK_ADMIN_PASSWORD: ADMIN.password });
  const desks: DeskClient[] = [];
  let editing: { provider: CollabProvider; socket: DeskClient }[] = [];
  const timers: NodeJS.Timeout[] = [];
  try {
    await server.start();
    const login = await fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(ADMIN) });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const connect = () => io(server.url, { transports: ["websocket"], forceNew: true, extraHeaders: { cookie }, auth: { lastSeq: 0 } }) as DeskClient;
    for (let i = 0; i < options.clients; i++) {
      const socket = connect();
      const held = new Map<string, number>();
      socket.on("story:upserted", ({ seq, story }) => void ((held.get(story.id) ?? 0) < seq && held.set(story.id, seq)));
      desks.push(socket);
    }

    let sent = 0;
    const storyIds: string[] = [];
    const post = async () => {
      const i = sent++;
      // Every fifth delivery is a new agency version of an earlier story.
      const uri = i % 5 === 4 ? `urn:soak:${i - 4}` : `urn:soak:${i}`;
      const body = JSON.stringify({ uri, version: String(i % 5 === 4 ? 2 : 1), type: "text", pubstatus: "usable", language: "en", headlines: [{ role: "main", value: `Soak story ${i}` }], bodies: [{ role: "main", contenttype: "text/html", value: `<p>Soak body ${i}.</p>` }] });
      const response = await fetch(`${server.url}/api/ingest?format=ninjs`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` }, body }).catch(() => null);
      const json = response?.ok ? ((await response.json()) as { stories: { id: string }[] }) : null;
      if (json?.stories[0] && i % 5 !== 4) storyIds.push(json.stories[0].id);
    };
    timers.push(setInterval(() => void post(), 1000 / options.ratePerSecond));

    let keystrokes = 0;
    const rotateEditors = async () => {
      for (const e of editing) {
        e.provider.destroy();
        e.socket.disconnect();
      }
      editing = [];
      for (let pair = 0; pair < options.editors / 2; pair++) {
        const storyId = storyIds[storyIds.length - 1 - pair];
        if (!storyId) break;
        for (let j = 0; j < 2; j++) {
          const socket = connect();
          editing.push({ socket, provider: new CollabProvider(socket, storyId, { edit: true, doc: new Y.Doc() }) });
        }
      }
    };
    timers.push(
      setInterval(() => {
        for (const { provider } of editing) {
          if (provider.status !== "synced") continue;
          const text = provider.doc.getText("headline");
          // Type at the end, and keep the headline short: delete from the front past 60 characters.
          provider.doc.transact(() => {
            text.insert(text.length, "x");
            if (text.length > 60) text.delete(0, 10);
          });
          keystrokes += 1;
        }
      }, 500),
    );

    const samples: SoakSample[] = [];
    const loadStarted = Date.now();
    const intervals = Math.max(1, Math.round((options.minutes * 60) / options.sampleSeconds));
    for (let i = 1; i <= intervals; i++) {
      if (i === 1 || i % 2 === 0) await rotateEditors();
      const s = await sampleOver(server, options.sampleSeconds * 1000, loadStarted, () => sent);
      samples.push(s);
      options.onSample?.(s);
    }
    const heapGrowth = growth(samples, (s) => s.heapUsedMiB);
    const rssGrowth = growth(samples, (s) => s.rssMiB);
    return { samples, clients: options.clients, editors: editing.length, stories: sent, keystrokes, heapGrowth, rssGrowth, levelsOff: heapGrowth < 1.25 && rssGrowth < 1.25 };
  } finally {
    for (const t of timers) clearInterval(t);
    for (const e of editing) {
      e.provider.destroy();
      e.socket.disconnect();
    }
    for (const d of desks) d.disconnect();
    await server.stop("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}
