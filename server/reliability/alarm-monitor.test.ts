import { afterEach, describe, expect, it } from "vitest";
import type { AlarmsDto } from "../contract/alarms";
import { startWebhookDispatcher } from "../publishing/webhook-dispatcher";
import { seedStories } from "../testing/seed-stories";
import { ninjsStory, startTestServer, type TestServer } from "../testing/test-server";
import { walk } from "../testing/workflow-helpers";

let server: TestServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

const MINUTE = 60_000;
const METRICS_TOKEN = "alarm-metrics-token-0123456789";

/** One story from `agency` every `everyMinutes`, the last one `endedMinutesAgo` before now. */
async function deliverRhythm(s: TestServer, agency: string, count: number, everyMinutes: number, endedMinutesAgo: number): Promise<void> {
  for (let i = count - 1; i >= 0; i--) {
    await seedStories(s.desk.ctx, [{ agency, headline: `${agency} ${i}` }], new Date(Date.now() - (endedMinutesAgo + i * everyMinutes) * MINUTE).toISOString());
  }
}

async function alarmsAs(s: TestServer, cookie: string): Promise<AlarmsDto> {
  const response = await fetch(`${s.url}/api/alarms`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return (await response.json()) as AlarmsDto;
}

async function setThreshold(s: TestServer, cookie: string, source: string, silentAfterMinutes: number | null): Promise<AlarmsDto> {
  const response = await fetch(`${s.url}/api/alarms/sources/${encodeURIComponent(source)}`, { method: "PUT", headers: { cookie, origin: s.url, "content-type": "application/json" }, body: JSON.stringify({ silentAfterMinutes }) });
  expect(response.status).toBe(200);
  return (await response.json()) as AlarmsDto;
}

describe("alarms on the desk", () => {
  it("raises a source silent for longer than its own rhythm, or than an admin's threshold, for chiefs and in /metrics", async () => {
    server = await startTestServer({ env: { WIREDESK_METRICS_TOKEN: METRICS_TOKEN } });
    const chief = await server.signIn("chief");
    const admin = await server.signIn("admin");
    // Rhythmwire delivered every 10 minutes, then stopped two hours ago; Steadywire still does.
    await deliverRhythm(server, "Rhythmwire", 12, 10, 120);
    await deliverRhythm(server, "Steadywire", 12, 10, 3);

    const first = await alarmsAs(server, chief.cookie);
    expect(first.alarms.map((a) => [a.kind, a.subject])).toEqual([["source_silent", "Rhythmwire"]]);
    expect(first.alarms[0]!.message).toMatch(/^Rhythmwire has sent nothing for 120 minutes, longer than its usual 30 minutes/);
    expect(first.sources).toEqual([
      expect.objectContaining({ source: "Rhythmwire", silentAfterMinutes: 30, isSetByAdmin: false }),
      expect.objectContaining({ source: "Steadywire", silentAfterMinutes: 30, isSetByAdmin: false }),
    ]);
    const metrics = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    expect(metrics).toContain('wiredesk_alarm_active{kind="source_silent",subject="Rhythmwire"} 1');
    expect(metrics).toMatch(/^wiredesk_source_silence_seconds\{source="Steadywire"\} (1[89]\d|2\d\d)(\.\d+)?$/m);

    // An admin knows better: Steadywire must never be quiet for a minute; Rhythmwire never alarms.
    await setThreshold(server, admin.cookie, "Steadywire", 1);
    const changed = await setThreshold(server, admin.cookie, "Rhythmwire", 0);
    expect(changed.alarms.map((a) => a.subject)).toEqual(["Steadywire"]);
    expect(changed.alarms[0]!.message).toMatch(/longer than the 1 minutes set by an admin/);
    // A new story ends Steadywire's silence; removing the admin's value learns the rhythm again.
    await seedStories(server.desk.ctx, [{ agency: "Steadywire" }]);
    await setThreshold(server, admin.cookie, "Rhythmwire", null);
    expect((await server.desk.ctx.alarms.check()).alarms.map((a) => a.subject)).toEqual(["Rhythmwire"]);
    expect((await fetch(`${server.url}/api/alarms`, { headers: { cookie: (await server.signIn("editor")).cookie } })).status).toBe(403);
  });

  it("raises a failing webhook, an ingest backlog and a nearly full disk", async () => {
    server = await startTestServer({ env: { WIREDESK_ALLOW_PRIVATE_URLS: "1", WIREDESK_WEBHOOK_MAX_ATTEMPTS: "1", WIREDESK_ALARM_BACKLOG: "3", WIREDESK_ALARM_DISK_FREE_MB: "100000000" } });
    const admin = await server.signIn("admin");
    const ctx = server.desk.ctx;
    const disk = (await ctx.alarms.check()).alarms;
    expect(disk.map((a) => a.kind)).toEqual(["disk_low"]);
    expect(disk[0]!.message).toMatch(/^The database's disk has \d+ MB free \(alarm below 100000000 MB\)/);

    // A receiver that refuses every connection: the delivery is given up after its one attempt.
    const hook = await fetch(`${server.url}/api/webhooks`, { method: "POST", headers: { cookie: admin.cookie, origin: server.url, "content-type": "application/json" }, body: JSON.stringify({ url: "http://127.0.0.1:9/hook" }) });
    expect(hook.status).toBe(201);
    const [id] = await seedStories(ctx, [{ headline: "Goes out" }]);
    await walk(server, admin.cookie, id!, ["take", "submit", "approve", "publish"]);
    const dispatcher = startWebhookDispatcher(ctx);
    try {
      const deadline = Date.now() + 20_000;
      let kinds: string[] = [];
      while (!kinds.includes("webhook_failing") && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        kinds = (await ctx.alarms.check()).alarms.map((a) => a.kind);
      }
      expect((await ctx.alarms.check()).alarms.find((a) => a.kind === "webhook_failing")?.message).toBe("Webhook http://127.0.0.1:9/hook is failing: 1 given up in the last 24 h.");
    } finally {
      await dispatcher.stop();
    }

    // Many deliveries at once: while they wait to be stored, the backlog alarm is up; after, it is gone.
    let sawBacklog = false;
    const sending = Promise.all(Array.from({ length: 40 }, (_, i) => server!.ingest(ninjsStory({ uri: `urn:backlog:${i}` }))));
    let done = false;
    void sending.then(() => (done = true));
    while (!done) {
      if ((await ctx.alarms.check()).alarms.some((a) => a.kind === "ingest_backlog")) sawBacklog = true;
      await new Promise((r) => setImmediate(r));
    }
    expect((await sending).every((r) => r.status === 201)).toBe(true);
    expect(sawBacklog || (await ctx.alarms.check()).alarms.some((a) => a.kind === "ingest_backlog")).toBe(true);
    // Stored: the next check has nothing waiting.
    expect((await ctx.alarms.check()).alarms.some((a) => a.kind === "ingest_backlog")).toBe(false);
  });
});
