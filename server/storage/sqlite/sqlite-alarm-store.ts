import type { Db } from "@/db/client";
import type { AlarmStore, FailingWebhook } from "../alarm-store";

/** The SQLite implementation of what the alarms read. */
export function createSqliteAlarmStore(db: Db): AlarmStore {
  const sqlite = db.$client;
  return {
    async listSources() {
      // Skips through the agency index one agency at a time, instead of reading every story.
      const rows = sqlite
        .prepare(
          `with recursive agencies(agency) as (
             select min(agency) from stories where agency is not null
             union all
             select (select min(agency) from stories where agency > agencies.agency) from agencies where agencies.agency is not null)
           select agency from agencies where agency is not null`,
        )
        .all() as { agency: string }[];
      return rows.map((r) => r.agency);
    },
    async listArrivals(source, limit) {
      const rows = sqlite.prepare("select received_at as at from stories where agency = ? order by rowid desc limit ?").all(source, limit) as { at: string }[];
      return rows.map((r) => r.at);
    },
    async listThresholds() {
      return sqlite.prepare("select source, silent_after_minutes as silentAfterMinutes from source_alarm_settings order by source").all() as { source: string; silentAfterMinutes: number }[];
    },
    async setThreshold(source, minutes, at) {
      if (minutes === null) sqlite.prepare("delete from source_alarm_settings where source = ?").run(source);
      else
        sqlite
          .prepare("insert into source_alarm_settings (source, silent_after_minutes, updated_at) values (?, ?, ?) on conflict (source) do update set silent_after_minutes = excluded.silent_after_minutes, updated_at = excluded.updated_at")
          .run(source, minutes, at);
    },
    async listFailingWebhooks(failedSince, retryingAfterAttempts) {
      return sqlite
        .prepare(
          `select w.id as webhookId, w.url as url,
             sum(d.status = 'failed') as failed, sum(d.status = 'pending') as retrying,
             min(coalesce(d.last_attempt_at, d.created_at)) as since
           from webhook_deliveries d join webhooks w on w.id = d.webhook_id
           where (d.status = 'failed' and d.last_attempt_at >= ?) or (d.status = 'pending' and d.attempts >= ?)
           group by w.id order by w.url`,
        )
        .all(failedSince, retryingAfterAttempts) as FailingWebhook[];
    },
  };
}
