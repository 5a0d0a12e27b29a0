/** CLI: `npm run restore -- FILE` replaces WIREDESK_DB with the backup FILE (stop the desk first; the old file is kept). */
import { restoreDatabase } from "../ops/backup";

const file = process.argv[2];
const target = process.env.WIREDESK_DB || "./data/wiredesk.db";
if (!file || process.argv.length > 3 || file.startsWith("-")) {
  process.stderr.write("usage: npm run restore -- FILE   (replaces WIREDESK_DB, default ./data/wiredesk.db, with the backup FILE)\n");
  process.exit(2);
}
try {
  const report = await restoreDatabase(file, target);
  if (report.keptAs) process.stdout.write(`the database it replaced is kept as ${report.keptAs}\n`);
  process.stdout.write(`restored ${file} into ${target}: ${report.stories} stories up to seq ${report.lastSeq}, ${report.bytes} bytes in ${report.ms} ms; migrations applied, integrity_check ok\n`);
} catch (error) {
  process.stderr.write(`restore failed: ${(error as Error).message}\n`);
  process.exit(1);
}
