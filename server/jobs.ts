import type { AppContext } from "./app-context";

/** Starts the background jobs (drop folder, feed polling, auto-spike); returns a function that stops them. */
export function startBackgroundJobs(_ctx: AppContext): () => Promise<void> {
  const stops: (() => Promise<void>)[] = [];
  return async () => {
    await Promise.all(stops.map((s) => s()));
  };
}
