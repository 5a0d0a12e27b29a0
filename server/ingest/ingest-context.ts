import type { Env } from "../env";
import type { Logger } from "../logger";
import type { Metrics } from "../ops/metrics";
import type { OutboundPolicy } from "../net/outbound-policy";
import type { Store, StorySummaryRecord } from "../storage/store";
import type { ParsePool } from "./parse-pool";

/**
 * What the ingest pipeline and its channels use of an app context (the server's, a CLI's or a
 * test's, all built by server/context.ts). Stored stories reach the desks through `publisher`,
 * so ingest needs to know nothing about sockets.
 */
export interface IngestContext {
  env: Pick<Env, "WIREDESK_MAX_DELIVERY_BYTES">;
  store: Pick<Store, "stories">;
  /** Told of the committed changes after each delivery's transaction. */
  publisher: { storiesChanged(changed: readonly { seq: number; story: StorySummaryRecord }[]): void };
  logger: Logger;
  parser: Pick<ParsePool, "parse">;
  /** Counts and times each delivery (the server's /metrics); absent where nobody scrapes. */
  metrics?: Pick<Metrics, "ingested" | "deliveryStarted" | "deliveryFinished">;
}

/**
 * The ingest context plus the stores of feeds and the audit log (feed management, quarantine retries)
 * and the outbound policy that says which addresses a feed may reach.
 */
export type IngestAdminContext = IngestContext & { store: Pick<Store, "feeds" | "accounts">; outbound: OutboundPolicy };
