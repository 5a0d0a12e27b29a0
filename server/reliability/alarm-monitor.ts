import { statfs } from "node:fs/promises";
import path from "node:path";
import type { AppContext } from "../app-context";
import type { AlarmDto, AlarmsDto, SourceRhythmDto } from "../contract/alarms";
import { learnedSilenceMs } from "../domain/source-rhythm";

/** A check younger than this is answered from memory (the desk polls, Prometheus scrapes). */
const FRESH_MS = 10_000;
/** Arrivals a source's rhythm is learned from. */
const ARRIVALS = 30;
/** A pending webhook delivery after this many failed attempts counts as failing. */
const FAILING_AFTER_ATTEMPTS = 3;
const MINUTE = 60_000;

/** What the monitor reads from the app context. */
export type AlarmContext = Pick<AppContext, "env" | "store" | "metrics" | "now">;

/**
 * Watches what must not go unnoticed: a wire source silent for longer than usual (its own rhythm,
 * or an admin's threshold), an ingest backlog, webhooks that keep failing, a disk running full.
 * Checked on demand (the desk's alarm bar, a /metrics scrape) at most every 10 s; each alarm keeps
 * the time its condition began.
 */
export class AlarmMonitor {
  private last: AlarmsDto = { alarms: [], sources: [], checkedAt: null };
  private checking: Promise<AlarmsDto> | null = null;
  private readonly began = new Map<string, string>();
  private diskFree: number | null = null;
  private readonly ctx: AlarmContext;

  constructor(ctx: AlarmContext) {
    this.ctx = ctx;
    ctx.metrics.labelledGauge("wiredesk_alarm_active", "1 for each alarm shown on the desk, by kind and subject.", ["kind", "subject"], async () =>
      (await this.current()).alarms.map((a) => ({ labels: { kind: a.kind, subject: a.subject }, value: 1 })),
    );
    ctx.metrics.labelledGauge("wiredesk_source_silence_seconds", "Seconds since each wire source (agency) last delivered a story.", ["source"], async () =>
      (await this.current()).sources.flatMap((s) => (s.lastArrivalAt ? [{ labels: { source: s.source }, value: (this.ctx.now() - Date.parse(s.lastArrivalAt)) / 1000 }] : [])),
    );
    ctx.metrics.labelledGauge("wiredesk_disk_free_bytes", "Free bytes on the database's disk.", [], async () => {
      await this.current();
      return this.diskFree === null ? [] : [{ labels: {}, value: this.diskFree }];
    });
  }

  /** The alarms as of a check at most 10 s old. */
  async current(): Promise<AlarmsDto> {
    const checkedAt = this.last.checkedAt ? Date.parse(this.last.checkedAt) : 0;
    if (this.ctx.now() - checkedAt < FRESH_MS) return this.last;
    this.checking ??= this.check().finally(() => (this.checking = null));
    return this.checking;
  }

  /** Checks every condition now. */
  async check(): Promise<AlarmsDto> {
    const now = this.ctx.now();
    const found: Omit<AlarmDto, "since">[] = [];
    const sources = await this.sources(now, found);
    // The peak since the last check: a backlog that builds and clears between two checks still shows once.
    const backlog = this.ctx.metrics.takeBacklogPeak();
    if (backlog >= this.ctx.env.WIREDESK_ALARM_BACKLOG) found.push({ kind: "ingest_backlog", subject: "ingest", message: `Up to ${backlog} deliveries waited to be stored at once since the last check: ingest is falling behind.` });
    const failedSince = new Date(now - 24 * 60 * MINUTE).toISOString();
    for (const hook of await this.ctx.store.alarms.listFailingWebhooks(failedSince, FAILING_AFTER_ATTEMPTS)) {
      const parts = [hook.failed > 0 ? `${hook.failed} given up in the last 24 h` : "", hook.retrying > 0 ? `${hook.retrying} retrying` : ""].filter(Boolean);
      found.push({ kind: "webhook_failing", subject: hook.url, message: `Webhook ${hook.url} is failing: ${parts.join(", ")}.` });
    }
    await this.checkDisk(found);
    const at = new Date(now).toISOString();
    const keys = new Set(found.map((a) => `${a.kind}:${a.subject}`));
    for (const key of this.began.keys()) if (!keys.has(key)) this.began.delete(key);
    const alarms = found.map((a) => {
      const key = `${a.kind}:${a.subject}`;
      if (!this.began.has(key)) this.began.set(key, at);
      return { ...a, since: this.began.get(key) ?? at };
    });
    this.last = { alarms, sources, checkedAt: at };
    return this.last;
  }

  private async sources(now: number, found: Omit<AlarmDto, "since">[]): Promise<SourceRhythmDto[]> {
    const thresholds = new Map((await this.ctx.store.alarms.listThresholds()).map((t) => [t.source, t.silentAfterMinutes]));
    const result: SourceRhythmDto[] = [];
    for (const source of await this.ctx.store.alarms.listSources()) {
      const arrivals = (await this.ctx.store.alarms.listArrivals(source, ARRIVALS)).map((at) => Date.parse(at));
      const set = thresholds.get(source);
      const learned = learnedSilenceMs(arrivals);
      const limitMs = set !== undefined ? set * MINUTE : learned;
      const lastArrival = arrivals[0] ?? null;
      result.push({ source, lastArrivalAt: lastArrival === null ? null : new Date(lastArrival).toISOString(), silentAfterMinutes: limitMs === null ? null : Math.round(limitMs / MINUTE), isSetByAdmin: set !== undefined });
      if (lastArrival === null || limitMs === null || limitMs === 0) continue;
      const silentMs = now - lastArrival;
      if (silentMs > limitMs) {
        const usual = set !== undefined ? `the ${set} minutes set by an admin` : `its usual ${Math.round(limitMs / MINUTE)} minutes (learned from its last ${Math.min(arrivals.length, ARRIVALS)} stories)`;
        found.push({ kind: "source_silent", subject: source, message: `${source} has sent nothing for ${Math.round(silentMs / MINUTE)} minutes, longer than ${usual}.` });
      }
    }
    return result;
  }

  private async checkDisk(found: Omit<AlarmDto, "since">[]): Promise<void> {
    const file = this.ctx.env.WIREDESK_DB;
    if (file === ":memory:") return;
    try {
      const stats = await statfs(path.dirname(path.resolve(file)));
      this.diskFree = stats.bavail * stats.bsize;
    } catch {
      this.diskFree = null;
      return;
    }
    const minimum = this.ctx.env.WIREDESK_ALARM_DISK_FREE_MB * 1024 * 1024;
    if (this.diskFree < minimum) {
      const free = (this.diskFree / 1024 / 1024).toFixed(0);
      found.push({ kind: "disk_low", subject: path.dirname(path.resolve(file)), message: `The database's disk has ${free} MB free (alarm below ${this.ctx.env.WIREDESK_ALARM_DISK_FREE_MB} MB): writes will fail when it is full.` });
    }
  }
}

