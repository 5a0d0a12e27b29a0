/** CLI: applies migrations to WIREDESK_DB (default ./data/wiredesk.db). */
import { openMigratedDb } from "./client";

const file = process.env.WIREDESK_DB ?? "./data/wiredesk.db";
openMigratedDb(file).$client.close();
process.stderr.write(`migrated ${file}\n`);
