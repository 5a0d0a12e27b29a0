/**
 * The one place an app context is built and taken down: the server, the CLIs, the test store and
 * the benchmarks all get theirs here, so they run the same store, publisher, limits and parse pool.
 */
import { closeProcessDb, getProcessDb, type Db } from "@/db/client";
import { describePlan } from "@/db/migration-plan";
import { setProcessContext, type AppContext } from "./app-context";
import { createLoginLimits } from "./auth/login-limits";
import type { Env } from "./env";
import { ParsePool } from "./ingest/parse-pool";
import { memoryLimiters } from "./limits/memory-limiter";
import { outboundPolicy } from "./net/outbound-policy";
import { createLogger, type Logger } from "./logger";
import { Metrics } from "./ops/metrics";
import { AlarmMonitor } from "./reliability/alarm-monitor";
import { LatePublisher } from "./realtime/publisher";
import { createSqliteStore } from "./storage/sqlite/sqlite-store";

/** The contexts built on the process connection, which closing them also releases. */
const processContexts = new WeakSet<AppContext>();

/** How a context differs from the server's; every field has the server's behaviour as its default. */
export interface ContextOptions {
  /** The clock sessions and login limits read (tests move time with it). */
  now?: () => number;
  /** Whether bursts of small deliveries parse on the worker (default: when the process has a second core). */
  parseBurstsOnWorker?: boolean;
  /**
   * A connection of the caller's own (a test's temp database, a second writer): used as it is, with
   * SQLite's own checkpoints, and not registered as the process context. Without it the context
   * takes the process's one connection to WIREDESK_DB (migrated on open), checkpoints the WAL on a
   * worker thread and registers itself, so every bundle of the process finds the same one.
   */
  db?: Db;
}

/** Builds an app context around WIREDESK_DB (or `options.db`). */
export function createContext(env: Env, logger: Logger = createLogger(env.WIREDESK_LOG_LEVEL), options: ContextOptions = {}): AppContext {
  const now = options.now ?? Date.now;
  const isProcessContext = options.db === undefined;
  const db =
    options.db ??
    getProcessDb(env.WIREDESK_DB, env.WIREDESK_SQLITE_SYNC, (plan) =>
      // Said before a long migration starts (a search index rebuild over millions of stories), with its estimate.
      logger.info({ migrations: plan.steps.map((step) => step.tag), estimateMs: plan.estimateMs }, `applying migrations: ${describePlan(plan).join(" ")}`),
    );
  const base = {
    env,
    store: createSqliteStore(db, isProcessContext ? { backgroundCheckpoints: { onError: (message) => logger.error(message) } } : {}),
    publisher: new LatePublisher(),
    logger,
    limiters: memoryLimiters,
    loginLimits: createLoginLimits(memoryLimiters),
    outbound: outboundPolicy(env.WIREDESK_ALLOW_PRIVATE_URLS),
    parser: new ParsePool(env.WIREDESK_PARSE_BUDGET_MS, { burstsOnWorker: options.parseBurstsOnWorker }),
    // Process and event-loop metrics only for the process's own context (a test's extra ones skip them).
    metrics: new Metrics({ defaultMetrics: isProcessContext }),
    now,
  };
  const ctx: AppContext = Object.assign(base, { alarms: new AlarmMonitor(base) });
  ctx.metrics.provide("wiredesk_db_size_bytes", () => ctx.store.ops.sizeBytes());
  if (isProcessContext) {
    setProcessContext(ctx);
    processContexts.add(ctx);
  }
  return ctx;
}

/** Stops what a context started: its parse worker, its store (last checkpoint, connection) and its registration. */
export async function closeContext(ctx: AppContext): Promise<void> {
  await ctx.parser.close();
  await ctx.store.close();
  if (processContexts.delete(ctx)) {
    closeProcessDb();
    setProcessContext(undefined);
  }
}
