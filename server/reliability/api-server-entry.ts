/**
 * A real Wiredesk server (API and Socket.IO, no Next pages) for the crash, storm and backup runs, in a
 * process of its own so they can SIGKILL it. Reads the usual environment; listens on PORT of 127.0.0.1
 * and prints `{"port":…}` on stdout once it accepts requests. SIGTERM stops it gracefully.
 */
import { createWiredesk } from "../app";
import { ensureBootstrapAdmin } from "../bootstrap";
import { createContext } from "../context";
import { parseEnv } from "../env";
import { createLogger } from "../logger";

const env = parseEnv({ ...process.env, HOST: "127.0.0.1" });
const ctx = createContext(env, createLogger(env.WIREDESK_LOG_LEVEL));
const desk = createWiredesk(ctx);
await ensureBootstrapAdmin(ctx);
const port = await desk.listen(env.PORT, env.HOST);
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.on("SIGTERM", () => {
  void desk.close().then(() => process.exit(0));
});
