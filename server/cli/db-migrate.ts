/**
 * CLI: `npm run db:migrate` applies the migrations to WIREDESK_DB (default ./data/wiredesk.db), saying first
 * what each pending one will do and about how long it will take; `-- --plan` says only that, and applies nothing.
 */
import { migrateDb, openDb } from "@/db/client";
import { describePlan, planMigrations } from "@/db/migration-plan";
import { parseEnv, type Env } from "../env";

let env: Env;
try {
  env = parseEnv();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== "--plan");
if (unknown.length > 0) {
  process.stderr.write(`Unknown argument ${unknown[0]}. Usage: npm run db:migrate [-- --plan]\n`);
  process.exit(2);
}
const db = openDb(env.WIREDESK_DB, env.WIREDESK_SQLITE_SYNC);
const plan = planMigrations(db.$client);
process.stdout.write(`${describePlan(plan).join("\n")}\n`);
if (!args.includes("--plan") && plan.steps.length > 0) {
  const started = performance.now();
  migrateDb(db);
  process.stderr.write(`migrated ${env.WIREDESK_DB} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
db.$client.close();
