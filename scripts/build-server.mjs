// `npm run build` (after `next build`) and `node scripts/build-server.mjs [OUTDIR]`: compiles the server's
// entry points to JavaScript in dist/ (or OUTDIR), so production starts without a TypeScript compiler.
// Each entry is one bundle of Wiredesk's own code (node_modules stay external, loaded as installed),
// all side by side: the server finds the parse worker and the migrations (copied to dist/migrations)
// beside its own file.
import { cpSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Where the compiled server goes (beside Next's .next/). */
export const SERVER_BUILD_DIR = path.join(ROOT, "dist");

/** The compiled files: name in dist/ (without .js) → TypeScript entry. */
export const SERVER_ENTRIES = {
  server: "server/main.ts",
  "parse-worker": "server/ingest/parse-worker.ts",
  ingest: "server/cli/ingest.ts",
  "user-add": "server/cli/user-add.ts",
  "db-migrate": "server/cli/db-migrate.ts",
  backup: "server/cli/backup.ts",
  restore: "server/cli/restore.ts",
};

/** The newest modification time of a file, or of the files under a folder (0 when it does not exist). */
function newestMtime(file) {
  let info;
  try {
    info = statSync(file);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(file).reduce((newest, name) => Math.max(newest, newestMtime(path.join(file, name))), 0);
}

/**
 * True when every compiled entry exists in `outdir` and none is older than the server's and the
 * database's source (server/, db/): a checkout that changed them gets a fresh compile (a second or two).
 */
export function isServerBuildCurrent(outdir = SERVER_BUILD_DIR) {
  const built = Math.min(...[...Object.keys(SERVER_ENTRIES).map((name) => `${name}.js`), "migrations"].map((file) => newestMtime(path.join(outdir, file))));
  return built > 0 && built >= Math.max(newestMtime(path.join(ROOT, "server")), newestMtime(path.join(ROOT, "db")));
}

/** Compiles every entry into `outdir` (emptied first) and copies the migrations beside them. */
export async function buildServer(outdir = SERVER_BUILD_DIR) {
  const { build } = await import("esbuild"); // a dev dependency: only a build needs it
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(SERVER_ENTRIES).map(([name, entry]) => [name, path.join(ROOT, entry)])),
    outdir,
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    sourcemap: "linked",
    logLevel: "warning",
  });
  cpSync(path.join(ROOT, "db/migrations"), path.join(outdir, "migrations"), { recursive: true });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // `--if-stale`: only when dist/ is missing or older than the source (what `npm run ingest` and the other CLIs do first).
  const isIfStale = process.argv.includes("--if-stale");
  const outArg = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
  const outdir = outArg ? path.resolve(outArg) : SERVER_BUILD_DIR;
  if (!(isIfStale && isServerBuildCurrent(outdir))) {
    const started = performance.now();
    await buildServer(outdir);
    process.stderr.write(`Compiled the server and CLIs to ${path.relative(process.cwd(), outdir) || "."} in ${Math.round(performance.now() - started)} ms.\n`);
  }
}
