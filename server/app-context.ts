import type { Env } from "./env";
import type { ParsePool } from "./ingest/parse-pool";
import type { Logger } from "./logger";
import type { LatePublisher } from "./realtime/publisher";
import type { Store } from "./storage/store";
import type { FailureLimiter } from "./auth/rate-limiter";

/** Everything a service needs; one per process, shared by HTTP routes, sockets and background jobs. */
export interface AppContext {
  env: Env;
  store: Store;
  publisher: LatePublisher;
  logger: Logger;
  loginLimits: { perAccount: FailureLimiter; perAddress: FailureLimiter };
  /** Parses deliveries within the time budget (WIREDESK_PARSE_BUDGET_MS). */
  parser: ParsePool;
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
