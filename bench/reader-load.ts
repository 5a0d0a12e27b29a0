import { spawn } from "node:child_process";
import { trackChild } from "./children";
import { summarize, type Summary } from "./stats";

// Closed-loop readers in their own process (as readers are elsewhere): each keeps one request in flight on
// a kept-alive connection for the given seconds. Plain JS, so the load generator starts in milliseconds.
const READER_SCRIPT = `
const http = require("node:http");
const [url, concurrency, seconds] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3])];
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const latencies = [];
const statuses = {};
let errors = 0;
let bytes = 0;
const end = Date.now() + seconds * 1000;
const one = () => new Promise((resolve) => {
  const t0 = performance.now();
  http.get(url, { agent, headers: { "accept-encoding": "identity" } }, (res) => {
    let n = 0;
    res.on("data", (c) => (n += c.length));
    res.on("end", () => { latencies.push(performance.now() - t0); statuses[res.statusCode] = (statuses[res.statusCode] || 0) + 1; bytes = n; resolve(); });
  }).on("error", () => { errors++; resolve(); });
});
const loop = async () => { while (Date.now() < end) await one(); };
const start = performance.now();
Promise.all(Array.from({ length: concurrency }, loop)).then(() => {
  process.stdout.write(JSON.stringify({ elapsed: (performance.now() - start) / 1000, errors, statuses, bytes, latencies }) + "\\n");
  agent.destroy();
});
`;

/** What the readers got: requests per second (2xx only), latency, the size of one answer, and other statuses. */
export interface ReaderResult {
  url: string;
  requestsPerSecond: number;
  latency: Summary;
  bytes: number;
  statuses: Record<string, number>;
  errors: number;
}

/** `readers` concurrent closed-loop readers of one URL for `seconds`. */
export async function runReaders(url: string, readers: number, seconds: number): Promise<ReaderResult> {
  const child = spawn(process.execPath, ["-e", READER_SCRIPT, url, String(readers), String(seconds)], { stdio: ["ignore", "pipe", "inherit"] });
  trackChild(child);
  const out = await new Promise<string>((resolve, reject) => {
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    child.once("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`readers exited with ${code}`))));
  });
  const raw = JSON.parse(out) as { elapsed: number; errors: number; statuses: Record<string, number>; bytes: number; latencies: number[] };
  const ok = Object.entries(raw.statuses).reduce((n, [status, count]) => (status.startsWith("2") ? n + count : n), 0);
  return { url, requestsPerSecond: ok / raw.elapsed, latency: summarize(raw.latencies), bytes: raw.bytes, statuses: raw.statuses, errors: raw.errors };
}
