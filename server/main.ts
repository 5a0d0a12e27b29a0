/** Wiredesk's process entry: env → migrate → Next → one HTTP server with Socket.IO → listen; clean stop on signals. */
import next from "next";
import { createWiredesk } from "./app";
import { DEMO_PASSWORD, ensureBootstrapAdmin, ensureDemoAccounts } from "./bootstrap";
import { createContext } from "./context";
import { startDemoWire } from "./demo/demo-wire";
import { parseEnv } from "./env";
import { startBackgroundJobs } from "./jobs";
import { setPublicSiteReader } from "./contract/public-site";
import { createPublicSiteReader } from "./publishing/published-service";

const env = parseEnv();
const ctx = createContext(env); // opens the database and applies migrations synchronously
const isDev = env.NODE_ENV === "development";
setPublicSiteReader(createPublicSiteReader(ctx)); // the public pages read published stories through it

process.env.NEXT_TELEMETRY_DISABLED ??= "1"; // the desk never calls out to the internet
const nextApp = next({ dev: isDev, dir: process.cwd(), hostname: "localhost", port: env.PORT });
await nextApp.prepare();
const handle = nextApp.getRequestHandler();
const desk = createWiredesk(ctx, (req, res) => handle(req, res));
const upgrade = nextApp.getUpgradeHandler();
desk.server.on("upgrade", (req, socket, head) => {
  if (!req.url?.startsWith("/socket.io/")) void upgrade(req, socket, head);
});

const demoAccounts = env.WIREDESK_DEMO ? await ensureDemoAccounts(ctx) : [];
await ensureBootstrapAdmin(ctx);
const stopDemo = env.WIREDESK_DEMO ? startDemoWire(ctx) : () => {};
const stopJobs = startBackgroundJobs(ctx);

const port = await desk.listen(env.PORT, env.HOST);
const url = env.WIREDESK_PUBLIC_URL ?? `http://localhost:${port}`;
process.stdout.write(`\nWiredesk is running at ${url}\n`);
if (demoAccounts.length > 0) {
  process.stdout.write(`Demo accounts (password "${DEMO_PASSWORD}"), shown once:\n`);
  for (const a of demoAccounts) process.stdout.write(`  ${a.role.padEnd(7)} ${a.email}\n`);
}
if (env.WIREDESK_DEMO) process.stdout.write("Demo wire: fictional stories arrive every few seconds.\n");

let isStopping = false;
async function stop(signal: string): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  ctx.logger.info({ signal }, "shutting down");
  const deadline = setTimeout(() => process.exit(1), 5000);
  deadline.unref();
  stopDemo();
  await stopJobs();
  await desk.close();
  await nextApp.close().catch(() => undefined);
  clearTimeout(deadline);
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
