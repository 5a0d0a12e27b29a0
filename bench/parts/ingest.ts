import { DOCUMENT_FORMATS, type DocumentFormat } from "../documents";
import type { Profile } from "../profiles";
import { makeFigure, type Figure } from "../report";
import { createStoryFactory } from "../text";
import { FLOOR_NAME, measureFsync, type FsyncTime } from "./ingest-floor";
import { IN_FLIGHT, measureStages, measureThroughput, type StageTimes, type Throughputs } from "./ingest-throughput";
import { measureBaselineStream, measureWireToDesk } from "./wire-to-desk";

const TARGET_FORMATS = new Set(["nitf", "ninjs"]);
const PARSE = "parse only (detect + parse + sanitize + validate, no storage)";
const ONE_CORE = "the same pipeline on one core (every delivery parsed inline on the main thread)";

function stageFigures(format: string, s: StageTimes): Figure[] {
  const share = (v: number) => `${((v / s.total) * 100).toFixed(0)}% of the pipeline's ${s.total.toFixed(0)} µs/story`;
  const rows: [string, number, string][] = [
    ["parse (detect, parse, sanitize, validate)", s.parse, "one delivery after another: pure CPU"],
    ["  of which sanitize (re-timed on parsed bodies)", s.sanitize, "an estimate: sanitizeWireHtml run again on the parsed body (a clean body takes its shortcut, as most wire bodies do)"],
    ["  of which schema validation (re-timed)", s.validate, "zod NormalizedStorySchema.safeParse on the parsed story"],
    ["store (record raw, dedupe, story, version, change log, index, commits)", s.store, `the storage half alone, ${IN_FLIGHT} deliveries in flight`],
    ["  of which FTS index", s.ftsIndex, "store minus a run with a plain table in place of the FTS5 index"],
    ["  of which commit fsync", s.commitSync, "store at synchronous=FULL minus at NORMAL"],
    ["other (pipeline total − parse − store)", s.other, "hashing, async hand-offs, GC"],
  ];
  return rows.map(([name, value, note]) => makeFigure({ name: `${format} stage: ${name}`, value, unit: "µs/story", note: [share(value), note].filter(Boolean).join("; ") }));
}

/**
 * Part 3: ingest throughput per format on one core (in this process), beside parse-only and a bare
 * insert, and again with bursts parsed on the parse worker (a second core); the stages of NITF and
 * ninjs; then wire-to-desk latency at a steady rate against the server.
 */
export async function runIngest(profile: Profile): Promise<{ figures: Figure[]; details: Record<string, unknown>; note?: string }> {
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  const make = createStoryFactory(3);
  const encoder = new TextEncoder();
  const stageFigureList: Figure[] = [];
  const failures: string[] = [];
  // fsync bounds every commit of both the pipeline and its floor: measured before and after the formats.
  const fsyncs: FsyncTime[] = [measureFsync()];
  const fsyncWords = () => `fsync here ${fsyncs[0]!.median.toFixed(2)} ms (median of ${fsyncs[0]!.samples}, before the formats)`;
  for (const format of DOCUMENT_FORMATS) {
    try {
      await measureFormat(format);
    } catch (error) {
      // One format's parser failing must not hide the others' figures: report it in the note.
      failures.push(`${format.format}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  async function measureFormat(format: DocumentFormat): Promise<void> {
    const count = Math.ceil(profile.ingest.deliveriesPerFormat / format.storiesPerDelivery);
    const deliveries = Array.from({ length: count }, (_, i) =>
      encoder.encode(format.write(Array.from({ length: format.storiesPerDelivery }, (__, j) => make(`urn:bench:ingest:${format.format}:${i}:${j}`)))),
    );
    const t = await measureThroughput(deliveries, profile.ingest.rounds);
    const target = TARGET_FORMATS.has(format.format) ? { minValue: 2000 } : undefined;
    const spread = (value: keyof Throughputs["ranges"], baseline: keyof Throughputs["ranges"]) => {
      if (t.rounds === 1) return undefined;
      const range = ([low, high]: [number, number]) => `${Math.round(low).toLocaleString("en-US")}–${Math.round(high).toLocaleString("en-US")}`;
      return `median of ${t.rounds} interleaved rounds; rounds ranged ${range(t.ranges[value])}, baseline ${range(t.ranges[baseline])}`;
    };
    const commits = `${t.commits.commits.toLocaleString("en-US")} commits of ${t.commits.storiesPerCommit.toFixed(1)} stories each`;
    figures.push(
      makeFigure({
        name: `${format.format}: pipeline vs bare insert`, value: t.pipeline, unit: "stories/s", baseline: t.bareInsert, baselineName: FLOOR_NAME, target,
        note: [spread("pipeline", "bareInsert"), commits, fsyncWords()].filter(Boolean).join("; "),
      }),
      makeFigure({ name: `${format.format}: pipeline vs parse only`, value: t.pipeline, unit: "stories/s", baseline: t.parseOnly, baselineName: PARSE, note: spread("pipeline", "parseOnly") }),
      makeFigure({
        name: `${format.format}: pipeline with the parse worker vs one core`, value: t.pipelineWithWorker, unit: "stories/s", baseline: t.pipeline, baselineName: ONE_CORE,
        note: spread("pipelineWithWorker", "pipeline"),
      }),
    );
    const averageBytes = deliveries.reduce((n, d) => n + d.byteLength, 0) / deliveries.length;
    details[format.format] = { ...t, averageDeliveryBytes: Math.round(averageBytes) };
    if (TARGET_FORMATS.has(format.format)) {
      const stages = await measureStages(deliveries, t.pipeline);
      stageFigureList.push(...stageFigures(format.format, stages));
      details[`${format.format}Stages`] = stages;
    }
  }
  figures.push(...stageFigureList);
  fsyncs.push(measureFsync());
  details.fsyncMs = { before: fsyncs[0], after: fsyncs[1] };
  figures.push(
    ...fsyncs.map((f, i) =>
      makeFigure({ name: `fsync of a 4 KiB overwrite, ${i === 0 ? "before" : "after"} the formats (median)`, value: f.median, unit: "ms", note: `p90 ${f.p90.toFixed(2)} ms over ${f.samples}; every commit of the pipeline and of its floor waits for at least one` }),
    ),
  );
  if (failures.length === DOCUMENT_FORMATS.length) throw new Error(`no format could be measured: ${failures.join("; ")}`);
  const { latencyRate: rate, latencySeconds: seconds, warmupSeconds } = profile.ingest;
  const desk = await measureWireToDesk(rate, seconds, warmupSeconds, profile.settleMs);
  const base = await measureBaselineStream(rate, seconds, warmupSeconds, profile.settleMs, desk.pushedStory);
  const stream = `bare Socket.IO broadcasting the same summary at the same open-loop rate (${rate}/s)`;
  figures.push(
    makeFigure({ name: `wire to desk p95 at ${rate} stories/s`, value: desk.latency.p95, unit: "ms", baseline: base.latency.p95, baselineName: stream, target: { maxValue: 50 } }),
    makeFigure({ name: `wire to desk p50 at ${rate} stories/s`, value: desk.latency.p50, unit: "ms", baseline: base.latency.p50, baselineName: stream }),
    makeFigure({ name: `wire to desk p99 at ${rate} stories/s`, value: desk.latency.p99, unit: "ms", baseline: base.latency.p99, baselineName: stream }),
  );
  const { pushedStory: _story, ...deskDetails } = desk;
  details.wireToDesk = { rate, seconds, wiredesk: deskDetails, baseline: base };
  const note = failures.length ? `Formats that could not be measured: ${failures.join("; ")}.` : undefined;
  return { figures, details, note };
}
