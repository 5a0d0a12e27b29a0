import { z } from "zod";
import { isTimeZone } from "./contract/clock";

const flag = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");

/** Every setting Wiredesk reads from the environment, parsed once at boot. */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  WIREDESK_DB: z.string().min(1).default("./data/wiredesk.db"),
  WIREDESK_SQLITE_SYNC: z.enum(["full", "normal"]).default("full"),
  WIREDESK_ADMIN_EMAIL: z.email().optional(),
  WIREDESK_ADMIN_PASSWORD: z.string().min(8).optional(),
  WIREDESK_DEMO: flag.default(false),
  WIREDESK_DEMO_INTERVAL_MS: z.coerce.number().int().min(100).default(4000),
  WIREDESK_INGEST_TOKEN: z.string().min(16, "WIREDESK_INGEST_TOKEN must be at least 16 characters").optional(),
  WIREDESK_PUBLIC_URL: z.url().optional(),
  WIREDESK_TRUST_PROXY: flag.default(false),
  WIREDESK_ALLOW_PRIVATE_URLS: flag.default(false),
  WIREDESK_DROP_DIR: z.string().optional(),
  WIREDESK_PARSE_BUDGET_MS: z.coerce.number().int().min(100).default(10_000),
  WIREDESK_MAX_DELIVERY_BYTES: z.coerce.number().int().min(1024).default(5 * 1024 * 1024),
  WIREDESK_AUTOSPIKE_HOURS: z.coerce.number().min(0).max(24 * 365).default(24),
  WIREDESK_SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  WIREDESK_SESSION_IDLE_MINUTES: z.coerce.number().positive().default(120),
  WIREDESK_METRICS_TOKEN: z.string().min(16, "WIREDESK_METRICS_TOKEN must be at least 16 characters").optional(),
  WIREDESK_FOUR_EYES: flag.default(false),
  WIREDESK_PUBLISH_HEADLINE_MAX: z.coerce.number().int().min(10).max(1000).default(64),
  WIREDESK_PUBLISH_SLUGLINE_MAX: z.coerce.number().int().min(5).max(1000).default(24),
  WIREDESK_PUBLISH_ABSTRACT_MAX: z.coerce.number().int().min(20).max(10_000).default(160),
  WIREDESK_AGENCY_KILL: z.enum(["withdraw", "alert"]).default("withdraw"),
  WIREDESK_TIME_ZONE: z
    .string()
    .refine(isTimeZone, "WIREDESK_TIME_ZONE must be an IANA time zone, as in Europe/Berlin")
    .default(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
  WIREDESK_PUBLIC_RATE_LIMIT: z.coerce.number().int().min(50).default(100),
  /** Public requests a node serves a second in all, paced evenly, so readers never take the desk's share of the CPU. */
  WIREDESK_PUBLIC_NODE_RATE: z.coerce.number().int().min(50).default(3000),
  WIREDESK_PAGE_CACHE_ENTRIES: z.coerce.number().int().min(1).default(1000),
  WIREDESK_PAGE_CACHE_MB: z.coerce.number().positive().default(32),
  WIREDESK_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(10),
  WIREDESK_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(50).default(1000),
  WIREDESK_COLLAB_COMPACT_EVERY: z.coerce.number().int().min(2).max(100_000).default(300),
  /** Co-editing: a desk version is kept once editing has gone on this many seconds since the last version. */
  WIREDESK_COLLAB_VERSION_SECONDS: z.coerce.number().int().min(1).max(86_400).default(180),
  WIREDESK_RETAIN_INCOMING_DAYS: z.coerce.number().min(0).default(30),
  WIREDESK_RETAIN_RAW_DAYS: z.coerce.number().min(0).default(90),
  WIREDESK_RETAIN_COLLAB_DAYS: z.coerce.number().min(0).default(7),
  WIREDESK_RETAIN_AUDIT_DAYS: z.coerce.number().min(0).default(365),
  WIREDESK_CHANGE_LOG_DAYS: z.coerce.number().positive().default(7),
  WIREDESK_CHANGE_LOG_MAX_ROWS: z.coerce.number().int().min(1).default(1_000_000),
  WIREDESK_RETENTION_EVERY_HOURS: z.coerce.number().positive().default(24),
  WIREDESK_SOCKET_MAX_BUFFER_BYTES: z.coerce.number().int().min(16 * 1024).default(8 * 1024 * 1024),
  WIREDESK_ALARM_DISK_FREE_MB: z.coerce.number().min(0).default(1024),
  WIREDESK_ALARM_BACKLOG: z.coerce.number().int().min(1).default(200),
  WIREDESK_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});
export type Env = z.infer<typeof EnvSchema>;

/** Parses the environment, failing with one readable line per bad variable. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}
