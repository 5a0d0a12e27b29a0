import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkSharedClock } from "./clock";
import { RpcClient } from "./ipc";
import { readFdLimit } from "./machine";

/** The repository root (children run from it so tsx finds tsconfig paths). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const liveChildren = new Set<ChildProcess>();
const tempDirs = new Set<string>();

/** A bench child process: the server under test, a baseline server or a load generator. */
export interface BenchChild {
  rpc: RpcClient;
  process: ChildProcess;
  /** Resolves with the first stdout line that parses as JSON (servers print `{"port":…}`). */
  firstJsonLine: Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

function firstJsonLine(child: ChildProcess, label: string, timeoutMs: number): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    const timer = setTimeout(() => reject(new Error(`${label} printed nothing within ${timeoutMs} ms`)), timeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      for (const line of buffer.split("\n").slice(0, -1)) {
        try {
          const value = JSON.parse(line) as unknown;
          if (value && typeof value === "object") {
            clearTimeout(timer);
            resolve(value as Record<string, unknown>);
            return;
          }
        } catch {
          // not our line
        }
      }
      buffer = buffer.slice(buffer.lastIndexOf("\n") + 1);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${code ?? signal}) before it was ready`));
    });
  });
}

/**
 * Starts a TypeScript file of bench/ as its own Node process (through tsx) with an IPC channel.
 * `openFiles` raises the child's soft open-file limit when the inherited one is lower (up to the hard limit).
 */
export function startChild(file: string, options: { label: string; env?: Record<string, string>; nodeArgs?: string[]; openFiles?: number; readyTimeoutMs?: number }): BenchChild {
  const nodeArgs = [...(options.nodeArgs ?? []), "--import", "tsx", path.join(REPO_ROOT, "bench", file)];
  const limit = readFdLimit();
  const needsRaise = options.openFiles !== undefined && limit.soft !== null && limit.soft < options.openFiles;
  const [command, args] = needsRaise
    ? ["/bin/sh", ["-c", `ulimit -Sn ${Math.min(options.openFiles ?? 0, limit.hard ?? 0)} && exec "$0" "$@"`, process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: "production", ...options.env },
    stdio: ["ignore", "pipe", "inherit", "ipc"],
    serialization: "advanced",
  });
  trackChild(child);
  const ready = firstJsonLine(child, options.label, options.readyTimeoutMs ?? 30_000);
  ready.catch(() => undefined);
  return {
    rpc: new RpcClient(child, options.label),
    process: child,
    firstJsonLine: ready,
    stop: () => stopChild(child),
  };
}

/**
 * Starts `count` load-generator processes of `file` (numbered by BENCH_WORKER_INDEX), each ready and
 * reading the bench's monotonic clock; if one fails, all are stopped.
 */
export async function startLoadGenerators(file: string, count: number, options: { label: string; openFiles: number }): Promise<BenchChild[]> {
  const children = Array.from({ length: count }, (_, i) => startChild(file, { label: `${options.label} ${i + 1}`, openFiles: options.openFiles, env: { BENCH_WORKER_INDEX: String(i) } }));
  try {
    await Promise.all(children.map((child) => child.firstJsonLine));
    await Promise.all(children.map((child) => checkSharedClock(child.rpc)));
  } catch (error) {
    await Promise.all(children.map((child) => child.stop()));
    throw error;
  }
  return children;
}

/** Registers a child process so {@link cleanUpEverything} (and process exit) stops it. */
export function trackChild(child: ChildProcess): void {
  liveChildren.add(child);
  child.once("exit", () => liveChildren.delete(child));
}

/** Stops a child: SIGTERM, then SIGKILL if it has not exited within 3 s. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** A fresh temporary directory, removed by {@link cleanUpEverything} (and at exit) unless removed earlier. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `wiredesk-bench-${prefix}-`));
  tempDirs.add(dir);
  return dir;
}

/** Removes one temporary directory now. */
export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** Stops every child still running and removes every temporary directory (after a failure too). */
export async function cleanUpEverything(): Promise<void> {
  await Promise.all([...liveChildren].map(stopChild));
  for (const dir of [...tempDirs]) removeTempDir(dir);
}

/** Synchronous last resort at process exit: kill children by their own pid, remove temp dirs. */
function cleanUpAtExit(): void {
  for (const child of liveChildren) child.kill("SIGKILL");
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}
process.once("exit", cleanUpAtExit);
