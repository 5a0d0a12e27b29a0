import type { Publisher } from "../realtime/publisher";
import type { Metrics } from "./metrics";

/** Wraps the socket publisher so each batch's fan-out time reaches the metrics; every other event passes through. */
export function timedPublisher(target: Publisher, metrics: Metrics): Publisher {
  return {
    ...target,
    storiesChanged(changed) {
      const started = performance.now();
      target.storiesChanged(changed);
      metrics.fannedOut((performance.now() - started) / 1000);
    },
    sessionsRevoked(sessionHashes, reason) {
      target.sessionsRevoked(sessionHashes, reason);
    },
  };
}
