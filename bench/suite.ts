import { cleanUpEverything } from "./children";
import type { Figure, PartResult } from "./report";
import type { Profile } from "./profiles";
import { runCoedit } from "./parts/coedit";
import { runConnections } from "./parts/connections";
import { runFanout } from "./parts/fanout";
import { runIngest } from "./parts/ingest";
import { runMixed } from "./parts/mixed";
import { runPublish } from "./parts/publish";
import { runQueue } from "./parts/queue";

type PartOutcome = { figures: Figure[]; details?: Record<string, unknown>; note?: string };

/** One part of the suite: its name on the command line, its title, and how it runs (null: not applicable yet). */
export interface PartDefinition {
  name: string;
  title: string;
  run: ((profile: Profile) => Promise<PartOutcome>) | null;
  note?: string;
}

/** Every part, in the order `npm run bench` runs them. */
export const PARTS: readonly PartDefinition[] = [
  { name: "fanout", title: "1. Fan-out: ingest to every connected editor", run: runFanout },
  { name: "connections", title: "2. Connections: memory per idle editor", run: runConnections },
  { name: "ingest", title: "3. Ingest throughput and wire-to-desk latency", run: runIngest },
  { name: "queue", title: "4. Queue and search at scale", run: runQueue },
  { name: "coedit", title: "5. Co-editing", run: runCoedit },
  { name: "mixed", title: "6. Mixed load", run: runMixed },
  { name: "publish", title: "7. Publishing: publish to reader, webhook fan-out", run: runPublish },
];

/** Runs the named parts (all when empty) one after another; a failing part is reported, not fatal. */
export async function runParts(names: readonly string[], profile: Profile, log: (line: string) => void = () => undefined): Promise<PartResult[]> {
  const unknown = names.filter((n) => !PARTS.some((p) => p.name === n));
  if (unknown.length) throw new Error(`unknown part(s): ${unknown.join(", ")}; parts are ${PARTS.map((p) => p.name).join(", ")}`);
  const selected = names.length ? PARTS.filter((p) => names.includes(p.name)) : PARTS;
  const results: PartResult[] = [];
  for (const part of selected) {
    const started = Date.now();
    const base = { part: part.name, title: part.title, ranAt: new Date().toISOString(), profile: profile.name };
    if (!part.run) {
      results.push({ ...base, status: "n/a", note: part.note, durationMs: 0, figures: [] });
      continue;
    }
    log(`running ${part.name} (${profile.name})…`);
    try {
      const outcome = await part.run(profile);
      results.push({ ...base, status: "ok", note: outcome.note, durationMs: Date.now() - started, figures: outcome.figures, details: outcome.details });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`${part.name} failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
      results.push({ ...base, status: "failed", note: message, durationMs: Date.now() - started, figures: [] });
    } finally {
      await cleanUpEverything();
    }
  }
  return results;
}
