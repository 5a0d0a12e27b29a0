/**
 * `npm run soak [-- --minutes M --clients N --rate R --editors E --sample-seconds S]`: the desk under
 * steady load for a bounded time (default 10 minutes, 200 desks, 10 stories/s, 10 co-editors), printing
 * heap, RSS, event-loop delay and open handles each minute, and writing them to bench/soak-results.md.
 * Exits 1 when memory did not level off.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { soakRun, type SoakSample } from "./soak-run";

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "10" },
    clients: { type: "string", default: "200" },
    rate: { type: "string", default: "10" },
    editors: { type: "string", default: "10" },
    "sample-seconds": { type: "string", default: "60" },
    out: { type: "string", default: "bench/soak-results.md" },
  },
});
const [minutes, clients, rate, editors, sampleSeconds] = [values.minutes, values.clients, values.rate, values.editors, values["sample-seconds"]].map(Number) as [number, number, number, number, number];
if (![minutes, clients, rate, editors, sampleSeconds].every((n) => Number.isFinite(n) && n > 0) || minutes > 120) {
  process.stderr.write("usage: npm run soak -- [--minutes M (<= 120)] [--clients N] [--rate STORIES_PER_S] [--editors E] [--sample-seconds S]\n");
  process.exit(2);
}

const row = (s: SoakSample) => `| ${s.minute.toFixed(1)} | ${s.heapUsedMiB.toFixed(1)} | ${s.heapPeakMiB.toFixed(1)} | ${s.rssMiB.toFixed(1)} | ${s.eventLoopP99Ms.toFixed(1)} | ${s.handles} | ${s.sockets} | ${s.stories} |`;
const header = "| minute | heap floor MiB | heap peak MiB | RSS floor MiB | event-loop p99 ms | handles | sockets | stories sent |\n| --- | --- | --- | --- | --- | --- | --- | --- |";
process.stdout.write(`soak: ${minutes} min, ${clients} desks, ${rate} stories/s, ${editors} co-editors (loopback only)\n${header}\n`);
const started = new Date();
const result = await soakRun({ minutes, clients, ratePerSecond: rate, editors, sampleSeconds, onSample: (s) => process.stdout.write(`${row(s)}\n`) });
const verdict = `heap ×${result.heapGrowth.toFixed(2)}, RSS ×${result.rssGrowth.toFixed(2)} (floors, median of the last third of the run over the middle third): ${result.levelsOff ? "levels off" : "STILL GROWING"}`;
process.stdout.write(`${result.stories} stories, ${result.keystrokes} keystrokes; ${verdict}\n`);
writeFileSync(
  values.out,
  [
    "# Wiredesk soak results",
    "",
    `Written by \`npm run soak\` (server/reliability/soak-cli.ts), started ${started.toISOString()}; Node ${process.version}, ${os.cpus()[0]?.model ?? "CPU"} × ${os.cpus().length}, load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")}.`,
    "",
    `${minutes} minutes: ${clients} desks connected, ${rate} stories/s over HTTP (every fifth an agency update), ${editors} co-editors typing two keystrokes a second in pairs, moving to fresh stories every other sample. The server runs in its own process; figures from its /metrics, read every 3 s: heap and RSS are each minute's lowest reading (the collector's sawtooth puts a single reading anywhere between the floor and the peak), the rest the minute's last.`,
    "",
    header,
    ...result.samples.map(row),
    "",
    `${result.stories} stories, ${result.keystrokes} keystrokes. ${verdict}.`,
    "",
  ].join("\n"),
);
process.exit(result.levelsOff ? 0 : 1);
