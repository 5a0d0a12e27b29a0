import { watch, type FSWatcher } from "node:fs";
import { mkdir, readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "../../errors";
import type { IngestContext } from "../ingest-context";
import { ingestDelivery } from "../service";
import { FAILED_DIR, PROCESSED_DIR, isIgnoredName, moveToFailed, moveToProcessed } from "./drop-folder-files";
import { FileStability } from "./file-stability";

/** How the drop folder is watched. */
export interface DropFolderOptions {
  dir: string;
  /** The periodic scan (the safety net for missed watch events). */
  scanIntervalMs?: number;
  /** How long a file's size and mtime must stay the same before it is read. */
  settleMs?: number;
}

/** A running drop-folder watcher. */
export interface DropFolder {
  /** Looks at the folder now; resolves when every ready file has been handled. */
  scan(): Promise<void>;
  stop(): Promise<void>;
}

const STUCK_RETRY_MS = 5 * 60_000;

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/**
 * Watches `dir`: each file is ingested once (channel "drop"), then moved to `processed/`, or to
 * `failed/` beside a `<name>.error.txt` saying why. Files still being written are left alone until
 * their size and mtime are stable. Vanished files and permission errors are logged, never thrown.
 */
export function startDropFolder(ctx: IngestContext, options: DropFolderOptions): DropFolder {
  const dir = path.resolve(options.dir);
  const settleMs = options.settleMs ?? 500;
  const stability = new FileStability(settleMs);
  const log = ctx.logger.child({ channel: "drop", dir });
  let running: Promise<void> | null = null;
  let isRescanWanted = false;
  let isStopped = false;
  let followUp: NodeJS.Timeout | null = null;
  // Files that could not be handled (a permission error, a failed move) are left alone for a while
  // instead of being retried, and re-ingested, on every scan.
  const stuck = new Map<string, { key: string; until: number }>();

  const handle = async (name: string, size: number): Promise<void> => {
    const file = path.join(dir, name);
    if (size > ctx.env.WIREDESK_MAX_DELIVERY_BYTES) {
      await moveToFailed(dir, name, `Too large: ${size} bytes; the limit is ${ctx.env.WIREDESK_MAX_DELIVERY_BYTES} bytes (WIREDESK_MAX_DELIVERY_BYTES).`);
      log.warn({ file: name, size }, "drop file too large");
      return;
    }
    const bytes = await readFile(file);
    if (bytes.length !== size) return; // changed while we read it: look again at the next scan
    try {
      const report = await ingestDelivery(ctx, new Uint8Array(bytes), { channel: "drop", sourceName: name });
      await moveToProcessed(dir, name);
      log.info({ file: name, deliveryId: report.deliveryId, stories: report.results.length }, "drop file ingested");
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await moveToFailed(dir, name, `${error.code}: ${error.message}`);
      log.warn({ file: name, code: error.code, reason: error.message }, "drop file failed");
    }
  };

  const scanOnce = async (): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      log.error({ err: error }, "cannot read the drop folder");
      return;
    }
    const present = new Set<string>();
    let isWaiting = false;
    for (const entry of entries) {
      if (isStopped) return;
      const name = entry.name;
      if (!entry.isFile() || isIgnoredName(name) || name === PROCESSED_DIR || name === FAILED_DIR) continue;
      present.add(name);
      try {
        const info = await stat(path.join(dir, name));
        const key = `${info.size}:${info.mtimeMs}`;
        const blocked = stuck.get(name);
        if (blocked && blocked.key === key && blocked.until > Date.now()) continue;
        stuck.delete(name);
        if (!stability.isStable(name, { size: info.size, mtimeMs: info.mtimeMs }, Date.now())) {
          isWaiting = true;
          continue;
        }
        await handle(name, info.size);
        stability.forget(name);
      } catch (error) {
        stability.forget(name);
        if (errorCode(error) === "ENOENT") {
          log.debug({ file: name }, "drop file vanished before it was handled");
          continue;
        }
        log.error({ err: error, file: name }, "drop file could not be handled; it stays where it is and is retried later");
        const info = await stat(path.join(dir, name)).catch(() => null);
        if (info) stuck.set(name, { key: `${info.size}:${info.mtimeMs}`, until: Date.now() + STUCK_RETRY_MS });
      }
    }
    stability.retainOnly(present);
    for (const name of stuck.keys()) if (!present.has(name)) stuck.delete(name);
    // A file still settling is looked at again as soon as it may be stable, not only at the next periodic scan.
    if (isWaiting && !isStopped && !followUp) {
      followUp = setTimeout(() => {
        followUp = null;
        void scan();
      }, settleMs + 20);
      followUp.unref();
    }
  };

  const scan = async (): Promise<void> => {
    if (running) {
      isRescanWanted = true;
      return running;
    }
    running = (async () => {
      do {
        isRescanWanted = false;
        await scanOnce();
      } while (isRescanWanted && !isStopped);
    })().finally(() => {
      running = null;
    });
    return running;
  };

  let watcher: FSWatcher | null = null;
  const ready = mkdir(dir, { recursive: true })
    .then(() => {
      if (isStopped) return;
      try {
        watcher = watch(dir, () => void scan());
        watcher.on("error", (error) => log.warn({ err: error }, "drop folder watch failed; the periodic scan goes on"));
      } catch (error) {
        log.warn({ err: error }, "cannot watch the drop folder; relying on the periodic scan");
      }
      return scan();
    })
    .catch((error: unknown) => log.error({ err: error }, "cannot create the drop folder"));
  const timer = setInterval(() => void scan(), options.scanIntervalMs ?? 2000);
  timer.unref();
  log.info("watching the drop folder");

  return {
    scan: async () => {
      await ready;
      await scan();
    },
    stop: async () => {
      isStopped = true;
      clearInterval(timer);
      if (followUp) clearTimeout(followUp);
      watcher?.close();
      await ready;
      await running;
    },
  };
}
