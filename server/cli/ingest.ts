/**
 * CLI: `npm run ingest -- [--dry-run] [--json] [--format F] FILE...` ingests wire files into WIREDESK_DB.
 * Standard output holds only the result (JSON with --json); logs and per-file errors go to standard error.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { IngestResult } from "../contract/ingest";
import { parseEnv, type Env } from "../env";
import type { NormalizedStory } from "../domain/normalized-story";
import { parseDelivery } from "../ingest/parse-delivery";
import { INGEST_USAGE, parseIngestArgs, type IngestCliArgs } from "./ingest-args";

function fail(file: string, reason: string): void {
  process.stderr.write(`${file}: ${reason}\n`);
  process.exitCode = 1;
}

/** Reads a file within the size limit, or reports why it cannot be read and answers null. */
async function readWithin(file: string, maxBytes: number): Promise<Uint8Array | null> {
  try {
    const info = await stat(file);
    if (!info.isFile()) return (fail(file, "not a regular file"), null);
    if (info.size > maxBytes) return (fail(file, `too_large: ${info.size} bytes; the limit is ${maxBytes} (WIREDESK_MAX_DELIVERY_BYTES)`), null);
    return new Uint8Array(await readFile(file));
  } catch (error) {
    return (fail(file, `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`), null);
  }
}

async function dryRun(args: IngestCliArgs, env: Env): Promise<void> {
  const stories: NormalizedStory[] = [];
  for (const file of args.files) {
    const bytes = await readWithin(file, env.WIREDESK_MAX_DELIVERY_BYTES);
    if (!bytes) continue;
    const outcome = parseDelivery(bytes, { format: args.format, maxBytes: env.WIREDESK_MAX_DELIVERY_BYTES });
    if (!outcome.ok) {
      fail(file, `${outcome.error.code}: ${outcome.error.message}`);
      continue;
    }
    stories.push(...outcome.value.stories);
    if (!args.isJson) {
      for (const s of outcome.value.stories) process.stdout.write(`${file}\t${s.format}\t${s.guid} v${s.version}\turgency ${s.urgency}\t${s.headline}\n`);
    }
  }
  if (args.isJson) process.stdout.write(`${JSON.stringify(stories, null, 2)}\n`);
}

async function ingest(args: IngestCliArgs, env: Env): Promise<void> {
  // Loaded only here, so a dry run never opens (or creates) the database.
  const { closeContext, createContext } = await import("../context");
  const { createLogger } = await import("../logger");
  const { AppError } = await import("../errors");
  const { ingestDelivery, presentIngestReport } = await import("../ingest/service");
  const ctx = createContext(env, createLogger(process.env.WIREDESK_LOG_LEVEL ? env.WIREDESK_LOG_LEVEL : "warn"));
  const results: (IngestResult & { file: string })[] = [];
  try {
    for (const file of args.files) {
      const bytes = await readWithin(file, env.WIREDESK_MAX_DELIVERY_BYTES);
      if (!bytes) continue;
      try {
        const report = presentIngestReport(await ingestDelivery(ctx, bytes, { channel: "cli", sourceName: path.basename(file), format: args.format }));
        results.push({ file, ...report });
        if (!args.isJson) {
          const counts = report.stories.map((s) => s.outcome).reduce<Record<string, number>>((acc, o) => ({ ...acc, [o]: (acc[o] ?? 0) + 1 }), {});
          const summary = Object.entries(counts).map(([outcome, n]) => `${n} ${outcome}`).join(", ") || "no stories";
          process.stdout.write(`${file}: delivery ${report.deliveryId} (${report.format}): ${summary}\n`);
        }
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        fail(file, `${error.code}: ${error.message} (kept in quarantine)`);
      }
    }
  } finally {
    await closeContext(ctx);
  }
  if (args.isJson) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

let args: IngestCliArgs;
try {
  args = parseIngestArgs(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n\n${INGEST_USAGE}`);
  process.exit(2);
}
if (args.isHelp) {
  process.stdout.write(INGEST_USAGE);
  process.exit(0);
}
let env: Env;
try {
  env = parseEnv();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
await (args.isDryRun ? dryRun(args, env) : ingest(args, env));
