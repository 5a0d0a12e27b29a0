import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

// Next bundles its code separately from the custom server; a second copy of a module must still
// find the process's one database connection and one context (and so one publisher).
describe("process singletons", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "wiredesk-singleton-"));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("a separately loaded copy of the modules gets the same db connection, store and publisher", async () => {
    const file = path.join(dir, "one.db");
    const first = await import("./context");
    const { parseEnv } = await import("./env");
    const { createLogger } = await import("./logger");
    const ctx = first.createContext(parseEnv({ WIREDESK_DB: file }), createLogger("silent"));

    vi.resetModules(); // what a second bundle sees: fresh module instances, same process
    const secondDb = await import("@/db/client");
    const secondContext = await import("./app-context");
    expect(secondDb.getProcessDb(file)).toBe((await import("@/db/client")).getProcessDb(file));
    expect(secondContext.getProcessContext()).toBe(ctx);
    expect(secondContext.getProcessContext().publisher).toBe(ctx.publisher);
    expect(secondDb.getProcessDb(file).$client.name).toBe(file);
    // The server's store checkpoints the WAL on its worker thread, so commits never do.
    expect(secondDb.getProcessDb(file).$client.pragma("wal_autocheckpoint", { simple: true })).toBe(0);
    await ctx.store.close();
    secondDb.closeProcessDb();
  });
});
