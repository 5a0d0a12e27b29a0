// `npm start`: runs the compiled server (dist/server.js) in production mode, in this process. Builds
// first what is missing: Next's pages when no build exists, the server when dist/ is missing or
// older than its source (esbuild, a second or two).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { SERVER_BUILD_DIR, isServerBuildCurrent } from "./build-server.mjs";

process.env.NODE_ENV = "production";
process.env.NEXT_TELEMETRY_DISABLED = "1";
const build = (args) => {
  const result = spawnSync(process.execPath, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
if (!existsSync(".next/BUILD_ID")) {
  process.stderr.write("No build found: running `npm run build` first (once).\n");
  build(["node_modules/next/dist/bin/next", "build"]);
}
if (!isServerBuildCurrent()) build(["scripts/build-server.mjs"]);
await import(pathToFileURL(`${SERVER_BUILD_DIR}/server.js`).href);
