import type { CollabHub } from "./collab/collab-hub";
import type { Env } from "./env";
import type { ParsePool } from "./ingest/parse-pool";
import type { Logger } from "./logger";
import type { Metrics } from "./ops/metrics";
import type { AlarmMonitor } from "./reliability/alarm-monitor";
import type { LatePublisher } from "./realtime/publisher";
import type { Store } from "./storage/store";
import type { Limiter, LimiterFactory } from "./limits/limiter";
import type { OutboundPolicy } from "./net/outbound-policy";

/** Everything a service needs; one per process, shared by HTTP routes, sockets and background jobs. */
export interface AppContext {
  env: Env;
  store: Store;
  publisher: LatePublisher;
  logger: Logger;
  /** Makes limiters on the process's limit store (memory today; a shared store for several nodes). */
  limiters: LimiterFactory;
  /** Password checks per email (5) and per address (50) in 15 minutes, reserved before each check. */
  loginLimits: { perAccount: Limiter; perAddress: Limiter };
  /** Where server-side requests (feeds, webhooks) may connect: public addresses unless allowed. */
  outbound: OutboundPolicy;
  /** Parses deliveries within the time budget (WIREDESK_PARSE_BUDGET_MS). */
  parser: ParsePool;
  /** Set when a graceful shutdown began: /readyz answers 503 so a proxy stops sending new work. */
  shuttingDown?: boolean;
  /** Prometheus metrics (`GET /metrics`). */
  metrics: Metrics;
  /** The open co-edited documents (set when the socket layer is attached): HTTP routes change the desk copy through it. */
  collab?: CollabHub;
  /** The desk's alarms: silent sources, ingest backlog, failing webhooks, a full disk (`GET /api/alarms`, /metrics). */
  alarms: AlarmMonitor;
  /** The clock sessions and login limits read (injectable so tests can move time). */
  now: () => number;
}

const globalForContext = globalThis as unknown as { wiredeskContext?: AppContext };

/** Registers the process context so every bundle of this process finds the same one. */
export function setProcessContext(context: AppContext | undefined): void {
  globalForContext.wiredeskContext = context;
}

/** The process context registered at boot. */
export function getProcessContext(): AppContext {
  const context = globalForContext.wiredeskContext;
  if (!context) throw new Error("Wiredesk's process context is not set up: start the server through server/main.ts");
  return context;
}
