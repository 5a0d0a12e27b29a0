import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    include: ["server/**/*.test.ts", "db/**/*.test.ts", "components/**/*.test.ts", "bench/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest's default is one fork fewer than the cores: one fork on a two-core CI machine. Most files
    // wait on sockets, child processes and SQLite fsyncs rather than compute, so two forks at least.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
