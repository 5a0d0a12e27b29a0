import { parseArgs } from "node:util";
import { WireFormatSchema, type WireFormat } from "../domain/normalized-story";

/** What `npm run ingest` was asked to do. */
export interface IngestCliArgs {
  files: string[];
  isDryRun: boolean;
  isJson: boolean;
  format: WireFormat | undefined;
  isHelp: boolean;
}

/** The usage text printed by `--help` and after a usage error. */
export const INGEST_USAGE = `usage: npm run ingest -- [--dry-run] [--json] [--format FORMAT] FILE...

  Ingests wire files into the configured database (WIREDESK_DB), like a delivery over HTTP.
  --dry-run        parse only: print the stories, touch nothing (no database is opened)
  --json           print JSON on standard output (with --dry-run: one array of normalized stories)
  --format FORMAT  skip detection; one of ${WireFormatSchema.options.join(", ")}
  --help           this text

  Logs and per-file errors go to standard error; the exit code is 1 when a file could not be ingested.
`;

/** Parses and validates the command line; throws an Error with a readable message on bad usage. */
export function parseIngestArgs(argv: string[]): IngestCliArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      "dry-run": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      format: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return { files: [], isDryRun: false, isJson: false, format: undefined, isHelp: true };
  let format: WireFormat | undefined;
  if (values.format !== undefined) {
    const parsed = WireFormatSchema.safeParse(values.format);
    if (!parsed.success) throw new Error(`--format: unknown format "${values.format}"; use one of ${WireFormatSchema.options.join(", ")}`);
    format = parsed.data;
  }
  if (positionals.length === 0) throw new Error("give at least one FILE to ingest");
  return { files: positionals, isDryRun: values["dry-run"], isJson: values.json, format, isHelp: false };
}
