import { z } from "zod";

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
  WIREDESK_DROP_DIR: z.string().optional(),
  WIREDESK_PARSE_BUDGET_MS: z.coerce.number().int().min(100).default(10_000),
  WIREDESK_MAX_DELIVERY_BYTES: z.coerce.number().int().min(1024).default(5 * 1024 * 1024),
  WIREDESK_AUTOSPIKE_HOURS: z.coerce.number().min(0).max(24 * 365).default(24),
  WIREDESK_SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  WIREDESK_SESSION_IDLE_MINUTES: z.coerce.number().positive().default(120),
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
