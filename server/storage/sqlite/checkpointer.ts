import type Database from "better-sqlite3";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** How often the worker copies committed WAL frames into the database file. */
const CHECKPOINT_INTERVAL_MS = 250;

/** SQLite's own automatic checkpoint threshold (pages), restored if the worker fails. */
const AUTO_CHECKPOINT_PAGES = 1000;

/** How long stopping waits for the worker's last checkpoint before terminating it. */
const STOP_WAIT_MS = 2_000;

/**
 * The worker, plain CommonJS so it needs no TypeScript loader: its own connection to the same file,
 * a PASSIVE checkpoint every interval (it never waits for, or blocks, the writer or readers), and
 * one last checkpoint when told to stop.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const describe = (error) => String((error && error.message) || error);
let db;
try {
  const Database = require(workerData.driver);
  db = new Database(workerData.file, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  db.pragma("synchronous = " + workerData.synchronous);
} catch (error) {
  parentPort.postMessage({ error: "cannot open the database: " + describe(error) });
  process.exit(1);
}
const checkpoint = () => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (error) {
    parentPort.postMessage({ error: describe(error) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage({ stopped: true });
});
`;

type WorkerMessage = { stopped: true } | { error: string };

/**
 * WAL checkpoints on a worker thread instead of inside the writer's commits. SQLite's automatic
 * checkpoint runs in whichever commit crosses 1,000 WAL pages: that commit then copies 4 MB into
 * the database file and syncs it while the event loop waits (up to a tenth of ingest's time, and a
 * pause in every desk's push). The SQLite docs' remedy for a busy writer: turn the automatic
 * checkpoint off and checkpoint from another thread. If the worker fails, the writer's automatic
 * checkpoint is switched back on, so the WAL never grows without bound.
 */
export class Checkpointer {
  private readonly worker: Worker;
  private readonly sqlite: Database.Database;
  private stopping: Promise<void> | null = null;
  private hasExited = false;

  private constructor(sqlite: Database.Database, onError: (message: string) => void, intervalMs: number) {
    this.sqlite = sqlite;
    const synchronous = sqlite.pragma("synchronous", { simple: true }) as number;
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: createRequire(import.meta.url).resolve("better-sqlite3"), file: sqlite.name, synchronous, intervalMs },
    });
    this.worker.unref();
    sqlite.pragma("wal_autocheckpoint = 0");
    // The first failure hands checkpoints back to the writer for good and ends the worker.
    const fallBack = (message: string) => {
      if (this.stopping) return;
      this.stopping = this.worker.terminate().then(() => undefined, () => undefined);
      if (this.sqlite.open) this.sqlite.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
      onError(message);
    };
    this.worker.on("message", (message: WorkerMessage) => {
      if ("error" in message) fallBack(`background checkpoint failed: ${message.error}`);
    });
    this.worker.on("error", (error) => fallBack(`checkpoint worker failed: ${error.message}`));
    this.worker.on("exit", (code) => {
      this.hasExited = true;
      if (code !== 0) fallBack(`checkpoint worker exited with code ${code}`);
    });
  }

  /**
   * Starts background checkpoints for a file database in WAL mode; null for anything else (an
   * in-memory database has no WAL). `onError` hears why checkpoints went back to the writer.
   */
  static start(sqlite: Database.Database, onError: (message: string) => void, intervalMs = CHECKPOINT_INTERVAL_MS): Checkpointer | null {
    if (sqlite.memory || !sqlite.open) return null;
    return sqlite.pragma("journal_mode", { simple: true }) === "wal" ? new Checkpointer(sqlite, onError, intervalMs) : null;
  }

  /** Runs a last checkpoint on the worker and stops it (call before closing the writer's connection). */
  stop(): Promise<void> {
    this.stopping ??= new Promise<void>((resolve) => {
      if (this.hasExited) return resolve();
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => void this.worker.terminate().then(done, done), STOP_WAIT_MS);
      this.worker.on("message", (message: WorkerMessage) => {
        if ("stopped" in message) void this.worker.terminate().then(done, done);
      });
      this.worker.once("exit", done);
      this.worker.postMessage("stop");
    });
    return this.stopping;
  }
}
