/** A webhook whose deliveries keep failing. */
export interface FailingWebhook {
  webhookId: string;
  url: string;
  /** Deliveries given up on since the time asked for. */
  failed: number;
  /** Deliveries still being retried after several failed attempts. */
  retrying: number;
  /** The earliest failing attempt among them. */
  since: string;
}

/** What the alarms read: each source's arrivals, admins' thresholds, failing webhooks. */
export interface AlarmStore {
  /** Every agency that has delivered copy. */
  listSources(): Promise<string[]>;
  /** The arrival times of a source's newest stories, newest first. */
  listArrivals(source: string, limit: number): Promise<string[]>;
  listThresholds(): Promise<{ source: string; silentAfterMinutes: number }[]>;
  /** Sets an admin's threshold for a source, or removes it (null) so its rhythm is learned again. */
  setThreshold(source: string, silentAfterMinutes: number | null, at: string): Promise<void>;
  listFailingWebhooks(failedSince: string, retryingAfterAttempts: number): Promise<FailingWebhook[]>;
}
