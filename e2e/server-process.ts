import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/** A port the OS says is free right now (loopback). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A Wiredesk server process of a spec's own (the production build, a temp database, a free port), so the
 * spec can stop it with a signal and start it again on the same port and database, as a deploy or a crash does.
 */
export class ServerProcess {
  readonly url: string;
  readonly dir: string;
  readonly port: number;
  private readonly env: Record<string, string>;
  private child: ChildProcess | null = null;
  private log = "";

  private constructor(port: number, env: Record<string, string>) {
    this.port = port;
    this.env = env;
    this.url = `http://localhost:${port}`;
    this.dir = path.dirname(env.WIREDESK_DB!);
  }

  /** Starts a server with its own temp database; `env` adds to the defaults. */
  static async start(env: Record<string, string>): Promise<ServerProcess> {
    const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-e2e-proc-"));
    const port = await freePort();
    const server = new ServerProcess(port, { NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", WIREDESK_DB: path.join(dir, "desk.db"), WIREDESK_LOG_LEVEL: "warn", ...env });
    await server.boot();
    return server;
  }

  /** Starts (again) and resolves once /healthz answers 200. */
  async boot(timeoutMs = 120_000): Promise<void> {
    // The compiled server when `npm run test:e2e` built it (as the other specs run), else the sources.
    const entry = existsSync("dist/server.js") ? ["dist/server.js"] : ["--import", "tsx", "server/main.ts"];
    const child = spawn(process.execPath, entry, { env: { ...process.env, ...this.env }, stdio: ["ignore", "ignore", "pipe"] });
    child.stderr?.on("data", (chunk: Buffer) => (this.log = (this.log + chunk.toString()).slice(-20_000)));
    this.child = child;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${this.log}`);
      const ok = await fetch(`${this.url}/healthz`).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the server did not answer within ${timeoutMs} ms:\n${this.log}`);
  }

  /** Sends the signal and resolves with the exit code (null after SIGKILL) once the process is gone. */
  async stop(signal: NodeJS.Signals): Promise<{ code: number | null; ms: number }> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return { code: child?.exitCode ?? null, ms: 0 };
    const started = Date.now();
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill(signal);
    const code = await exited;
    this.child = null;
    return { code, ms: Date.now() - started };
  }

  /** The last part of the server's standard error (for failure messages). */
  get stderr(): string {
    return this.log;
  }

  /** Stops the process (SIGKILL if it is still there) and removes the temp database. */
  async dispose(): Promise<void> {
    await this.stop("SIGKILL");
    rmSync(this.dir, { recursive: true, force: true });
  }
}
