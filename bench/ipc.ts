import type { ChildProcess } from "node:child_process";

/** A request from the bench parent to one of its child processes. */
interface RpcRequest {
  rpc: number;
  type: string;
  payload: unknown;
}

/** A child's answer to a request, or an event it reports on its own. */
type ChildMessage = { re: number; ok: true; value: unknown } | { re: number; ok: false; error: string } | { event: string; data: unknown };

/** Child side: answers the parent's requests with the named handlers; exits when the parent goes away. */
export function serveRpc(handlers: Record<string, (payload: never) => unknown>): void {
  process.on("message", (raw: unknown) => {
    const message = raw as RpcRequest;
    if (typeof message?.rpc !== "number") return;
    const handler = handlers[message.type];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`no handler for ${message.type}`);
        return handler(message.payload as never);
      })
      .then(
        (value) => process.send?.({ re: message.rpc, ok: true, value }),
        (error: unknown) => process.send?.({ re: message.rpc, ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
  });
  // The parent died or closed the channel: never linger as an orphan holding ports and files.
  process.on("disconnect", () => process.exit(0));
}

/** Child side: reports an event to the parent. */
export function emitToParent(event: string, data: unknown): void {
  process.send?.({ event, data });
}

/** Parent side: a typed request/response channel over a child's IPC. */
export class RpcClient {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private readonly listeners = new Map<string, ((data: unknown) => void)[]>();

  readonly child: ChildProcess;
  readonly label: string;

  constructor(child: ChildProcess, label: string) {
    this.child = child;
    this.label = label;
    child.on("message", (raw: unknown) => this.receive(raw as ChildMessage));
    child.on("exit", (code, signal) => {
      for (const [, p] of this.pending) {
        clearTimeout(p.timer);
        p.reject(new Error(`${label} exited (${code ?? signal}) before answering`));
      }
      this.pending.clear();
    });
  }

  /** Sends a request and resolves with the child's answer; rejects on error, exit or timeout. */
  call<T>(type: string, payload: unknown = null, timeoutMs = 30_000): Promise<T> {
    const rpc = this.next++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(rpc);
        reject(new Error(`${this.label}: ${type} got no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(rpc, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.child.send({ rpc, type, payload } satisfies RpcRequest, (error) => {
        if (!error) return;
        clearTimeout(timer);
        this.pending.delete(rpc);
        reject(error);
      });
    });
  }

  /** Sends a message that expects no answer. */
  tell(type: string, payload: unknown = null): void {
    if (this.child.connected) this.child.send({ rpc: 0, type, payload } satisfies RpcRequest);
  }

  /** Listens for events the child reports on its own. */
  on(event: string, listener: (data: unknown) => void): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }

  private receive(message: ChildMessage): void {
    if ("event" in message) {
      for (const listener of this.listeners.get(message.event) ?? []) listener(message.data);
      return;
    }
    const pending = this.pending.get(message.re);
    if (!pending) return;
    this.pending.delete(message.re);
    clearTimeout(pending.timer);
    if (message.ok) pending.resolve(message.value);
    else pending.reject(new Error(`${this.label}: ${message.error}`));
  }
}
