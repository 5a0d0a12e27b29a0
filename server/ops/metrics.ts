import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** Reads a value when /metrics is scraped (connected sockets, database size, alarms). */
export type GaugeSource = () => number | Promise<number>;

/**
 * The process's Prometheus metrics (prom-client: the de-facto Node client, with the process and
 * event-loop metrics built in). One registry per context, so tests running several servers in one
 * process keep their figures apart.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly storiesIngested: Counter<"format" | "outcome">;
  private readonly ingestSeconds: Histogram<"format">;
  private readonly fanoutSeconds: Histogram;
  private readonly sources = new Map<string, GaugeSource>();
  private readonly slowSocketsCut: Counter;
  private readonly publicPages: Counter<"result">;
  private readonly publicRefusals: Counter<"reason">;
  private inFlightDeliveries = 0;
  private backlogPeak = 0;

  constructor(options: { defaultMetrics?: boolean } = {}) {
    // Event-loop delay (nodejs_eventloop_lag_*), heap, RSS, handles, GC: prom-client's default set.
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
    this.storiesIngested = new Counter({ name: "wiredesk_stories_ingested_total", help: "Stories ingested, by wire format and outcome (created, updated, duplicate, older).", labelNames: ["format", "outcome"], registers: [this.registry] });
    this.ingestSeconds = new Histogram({
      name: "wiredesk_ingest_duration_seconds",
      help: "From a delivery's arrival to its stories committed, by wire format.",
      labelNames: ["format"],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers: [this.registry],
    });
    this.fanoutSeconds = new Histogram({ name: "wiredesk_fanout_duration_seconds", help: "Time to hand one batch of committed story changes to every connected desk.", buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5], registers: [this.registry] });
    const sources = this.sources;
    const gauge = (name: string, help: string) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        async collect() {
          const source = sources.get(name);
          this.set(source ? await source() : 0);
        },
      });
    gauge("wiredesk_connected_sockets", "Desks connected over Socket.IO right now.");
    gauge("wiredesk_db_size_bytes", "The SQLite database file and its write-ahead log, in bytes.");
    gauge("wiredesk_socket_unread_bytes_max", "The most bytes one connected desk has not read yet (below the cut-off), at the last sweep.");
    gauge("wiredesk_page_cache_bytes", "Bytes of public pages held in the page cache (both encodings).");
    this.publicPages = new Counter({ name: "wiredesk_public_page_cache_total", help: "Public pages (/news and story pages) answered from the page cache (hit) or rendered first (miss).", labelNames: ["result"], registers: [this.registry] });
    this.publicRefusals = new Counter({ name: "wiredesk_public_refused_total", help: "Public requests refused: past the per-address limit (rate_limited) or the node's pace for readers (busy).", labelNames: ["reason"], registers: [this.registry] });
    const backlog = () => this.inFlightDeliveries;
    new Gauge({
      name: "wiredesk_ingest_backlog",
      help: "Deliveries received and not yet committed or refused.",
      registers: [this.registry],
      collect() {
        this.set(backlog());
      },
    });
    this.slowSocketsCut = new Counter({ name: "wiredesk_slow_sockets_cut_total", help: "Sockets cut because their client stopped reading past WIREDESK_SOCKET_MAX_BUFFER_BYTES.", registers: [this.registry] });
  }

  /** A gauge with labels, read at each scrape (alarms, each source's silence). */
  labelledGauge(name: string, help: string, labelNames: string[], read: () => Promise<{ labels: Record<string, string>; value: number }[]>): void {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const { labels, value } of await read()) this.set(labels, value);
      },
    });
  }

  /** A delivery was received and is not committed yet (the ingest backlog). */
  deliveryStarted(): void {
    this.inFlightDeliveries += 1;
    this.backlogPeak = Math.max(this.backlogPeak, this.inFlightDeliveries);
  }

  /** A delivery was committed or refused. */
  deliveryFinished(): void {
    this.inFlightDeliveries -= 1;
  }

  /** Deliveries received and not yet committed or refused. */
  ingestBacklog(): number {
    return this.inFlightDeliveries;
  }

  /** The largest backlog since the last call (a check between two bursts still sees them), then starts again from now. */
  takeBacklogPeak(): number {
    const peak = Math.max(this.backlogPeak, this.inFlightDeliveries);
    this.backlogPeak = this.inFlightDeliveries;
    return peak;
  }

  /** A socket that stopped reading was cut. */
  slowSocketCut(): void {
    this.slowSocketsCut.inc();
  }

  /** A public page was answered from the page cache, or had to be rendered. */
  publicPage(result: "hit" | "miss"): void {
    this.publicPages.inc({ result });
  }

  /** A public request was refused. */
  publicRefused(reason: "rate_limited" | "busy"): void {
    this.publicRefusals.inc({ reason });
  }

  /** Says where a gauge reads its value (the socket layer, the store); the last one set wins. */
  provide(name: "wiredesk_connected_sockets" | "wiredesk_db_size_bytes" | "wiredesk_socket_unread_bytes_max" | "wiredesk_page_cache_bytes", source: GaugeSource): void {
    this.sources.set(name, source);
  }

  /** One delivery's stories are committed: counts them and times the delivery. */
  ingested(format: string, outcomes: readonly string[], startedAt: number): void {
    for (const outcome of outcomes) this.storiesIngested.inc({ format, outcome });
    this.ingestSeconds.observe({ format }, (performance.now() - startedAt) / 1000);
  }

  /** One batch of changes was handed to the desks in `seconds`. */
  fannedOut(seconds: number): void {
    this.fanoutSeconds.observe(seconds);
  }

  /** The Prometheus text exposition of every metric. */
  async render(): Promise<{ contentType: string; text: string }> {
    return { contentType: this.registry.contentType, text: await this.registry.metrics() };
  }
}
