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
    // Each worker loads the server's modules once, not once per file: isolated, the 131 files spent
    // 193 s of the run importing (the same app, its migrations' SQL, zod schemas and parsers) and 14 s
    // shared. No test relies on a fresh module: state lives in each test's own server, database and
    // sockets, and a file that fakes timers puts them back after each test. The whole run passed shared,
    // in its usual order and shuffled (--sequence.shuffle.files).
    isolate: false,
    // Vitest's default is one fork fewer than the cores: one fork on a two-core CI machine. Most files
    // wait on sockets, child processes and SQLite fsyncs rather than compute, so two forks at least.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
