// `node scripts/measure-start.mjs [--runs N] [-- COMMAND...]`: how long the production server takes from
// process start to /healthz answering, and its resident memory then (and after the first page). Each run
// starts COMMAND (default: the compiled server, `node dist/server.js`) on a free port of 127.0.0.1 with a
// database in a temporary folder, created and migrated by a first run that is not counted. Linux only.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({ options: { runs: { type: "string", default: "5" } }, allowPositionals: true });
const runs = Number(values.runs);
const command = positionals.length > 0 ? positionals : [process.execPath, "dist/server.js"];

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Resident memory of a process in MiB, from /proc (threads such as the checkpointer included). */
function rssMiB(pid) {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmRSS:"));
  return Number(line.replace(/\D+/g, "")) / 1024;
}

async function answers(url) {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

async function measureOnce(dbFile) {
  const port = await freePort();
  const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), HOST: "127.0.0.1", WIREDESK_DB: dbFile, WIREDESK_LOG_LEVEL: "warn" };
  const started = performance.now();
  const child = spawn(command[0], command.slice(1), { env, stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    while (!(await answers(`http://127.0.0.1:${port}/healthz`))) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
      if (performance.now() - started > 120_000) throw new Error("no answer from /healthz within 120 s");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const startMs = performance.now() - started;
    const rssAtStart = rssMiB(child.pid);
    await answers(`http://127.0.0.1:${port}/login`);
    return { startMs, rssAtStart, rssAfterPage: rssMiB(child.pid) };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-start-"));
try {
  const dbFile = path.join(dir, "wiredesk.db");
  await measureOnce(dbFile); // creates and migrates the database; the runs below start as a restart does
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await measureOnce(dbFile));
  const median = (key) => results.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
  process.stdout.write(`command: ${command.join(" ")}\n`);
  for (const r of results) process.stdout.write(`start ${r.startMs.toFixed(0)} ms, RSS ${r.rssAtStart.toFixed(1)} MiB, after /login ${r.rssAfterPage.toFixed(1)} MiB\n`);
  process.stdout.write(`median of ${runs}: start ${median("startMs").toFixed(0)} ms, RSS ${median("rssAtStart").toFixed(1)} MiB, after /login ${median("rssAfterPage").toFixed(1)} MiB\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
