/** Worker thread of workerRowSource: builds the requested row batches in order. */
import { parentPort, workerData } from "node:worker_threads";
import { createRowBuilder, type RowPlan } from "./row-source";

const build = createRowBuilder(workerData as RowPlan);
parentPort?.on("message", ({ from, to }: { from: number; to: number }) => {
  parentPort?.postMessage({ from, rows: build(from, to) });
});
