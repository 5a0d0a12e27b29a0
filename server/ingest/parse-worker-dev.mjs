// The parse worker's entry when Wiredesk runs from its TypeScript source (`npm run dev`, the tests, the
// benchmarks): a worker thread does not inherit tsx's loader, so it registers it before loading the
// worker. The production build runs the compiled dist/parse-worker.js instead and needs no tsx.
import { register } from "tsx/esm/api";

register();
await import("./parse-worker.ts");
