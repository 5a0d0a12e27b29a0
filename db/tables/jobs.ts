import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

// Leases of housekeeping jobs, shared by every node on the database.

/** Leases of housekeeping jobs: one holder at a time, and when each job last ran (shared by every node on the database). */
export const jobLeases = sqliteTable("job_leases", {
  name: text("name").primaryKey(),
  holder: text("holder"),
  /** Epoch milliseconds; the lease is free after it. */
  expiresAt: integer("expires_at").notNull().default(0),
  lastRunAt: text("last_run_at"),
  lastResult: text("last_result", { mode: "json" }).$type<Record<string, unknown>>(),
});
