/** CLI: `npm run backup -- FILE` copies WIREDESK_DB into FILE with SQLite's online backup API, while the desk runs. */
import { backupDatabase } from "../ops/backup";

const file = process.argv[2];
const source = process.env.WIREDESK_DB || "./data/wiredesk.db";
if (!file || process.argv.length > 3 || file.startsWith("-")) {
  process.stderr.write("usage: npm run backup -- FILE   (copies WIREDESK_DB, default ./data/wiredesk.db, into FILE)\n");
  process.exit(2);
}
try {
  const report = await backupDatabase(source, file);
  process.stdout.write(`backed up ${source} to ${file}: ${report.stories} stories up to seq ${report.lastSeq}, ${report.bytes} bytes (${report.pages} pages) in ${report.ms} ms; integrity_check ok\n`);
} catch (error) {
  process.stderr.write(`backup failed: ${(error as Error).message}\n`);
  process.exit(1);
}
