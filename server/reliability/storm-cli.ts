/** `npm run test:storm [-- --clients N --seconds S --rate R]`: the reconnect storm, printing its figures; exits 1 on any miss. */
import { parseArgs } from "node:util";
import { stormRun } from "./storm-run";

const { values } = parseArgs({ options: { clients: { type: "string", default: "300" }, seconds: { type: "string", default: "60" }, rate: { type: "string", default: "50" } } });
const clients = Number(values.clients);
const seconds = Number(values.seconds);
const rate = Number(values.rate);
if (![clients, seconds, rate].every((n) => Number.isFinite(n) && n > 0) || seconds > 600) {
  process.stderr.write("usage: npm run test:storm -- [--clients N] [--seconds S (<= 600)] [--rate STORIES_PER_S]\n");
  process.exit(2);
}
const result = await stormRun({ clients, seconds, ratePerSecond: rate, longDropMs: 65_000 });
const ok = result.clientsWrong === 0 && result.stale === 0;
process.stdout.write(
  `${result.clients} clients, ${result.stories} stories, ${result.drops} drops (some over a minute) and a restart: ` +
    `${result.clientsWrong} clients wrong, ${result.missing} stories missing in all, ${result.stale} stale; ${(result.ms / 1000).toFixed(1)} s ${ok ? "OK" : "FAILED"}\n`,
);
process.exit(ok ? 0 : 1);
