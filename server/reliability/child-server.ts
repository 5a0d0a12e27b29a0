import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), "api-server-entry.ts");

/** A Wiredesk API server in a child process on a SQLite file, which a run can kill and start again. */
export class ChildServer {
  private child: ChildProcess | null = null;
  private log = "";
  port = 0;
  readonly dbFile: string;
  readonly env: Record<string, string>;

  constructor(dbFile: string, env: Record<string, string> = {}) {
    this.dbFile = dbFile;
    this.env = env;
  }

  /** The base URL (valid while running). */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the process (on the same port as before, if it ran before) and resolves when it listens. */
  async start(timeoutMs = 60_000): Promise<void> {
    const child = spawn(process.execPath, ["--import", "tsx", ENTRY], {
      env: { ...process.env, NODE_ENV: "production", WIREDESK_LOG_LEVEL: "error", ...this.env, WIREDESK_DB: this.dbFile, PORT: String(this.port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    child.stderr?.on("data", (chunk: Buffer) => (this.log = (this.log + chunk.toString()).slice(-10_000)));
    this.port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start within ${timeoutMs} ms:\n${this.log}`)), timeoutMs);
      let out = "";
      child.stdout?.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const match = /\{"port":(\d+)\}/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${code}) while starting:\n${this.log}`));
      });
    });
  }

  /** Sends the signal and resolves once the process is gone. */
  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill(signal);
    await exited;
  }

  /** The last part of the server's standard error. */
  get stderr(): string {
    return this.log;
  }
}
