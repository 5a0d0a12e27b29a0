import type Database from "better-sqlite3";
import type { Db } from "@/db/client";
import { DESK_FORMAT } from "../../contract/new-story";
import type { HousekeepingStore, JobLeaseStore } from "../housekeeping-store";

/** Prepares on first use, so a store can be built on a database whose migrations are still to run. */
function lazy(sqlite: Database.Database, text: string): () => Database.Statement {
  let statement: Database.Statement | undefined;
  return () => (statement ??= sqlite.prepare(text));
}

/** The SQLite implementation of retention's deletions: each call one short transaction. */
export function createSqliteHousekeepingStore(db: Db): HousekeepingStore {
  const sqlite = db.$client;
  const floor = lazy(sqlite, "select coalesce(min(seq), 0) as floor from changes");
  const pruneChanges = lazy(sqlite, `delete from changes where seq in (
    select seq from changes
    where seq < (select max(seq) from changes) and (at < @before or seq <= (select max(seq) from changes) - @keep)
    order by seq limit @limit)`);
  // A story is unused when nobody published, edited or co-edited it; its history and reads go with it.
  // A story the desk wrote itself is never agency copy to let go, even released and left untouched.
  const purgeStories = lazy(sqlite, `delete from stories where rowid in (
    select s.rowid from stories s
    where s.state in ('incoming', 'spiked') and s.updated_at < @before and s.format <> @deskFormat
      and s.seq < (select coalesce(min(seq), 0) from changes)
      and not exists (select 1 from publications p where p.story_id = s.id)
      and not exists (select 1 from desk_versions d where d.story_id = s.id)
      and not exists (select 1 from collab_docs c where c.story_id = s.id)
      and not exists (select 1 from collab_updates u where u.story_id = s.id)
    limit @limit)`);
  const purgeRaw = lazy(sqlite, `delete from delivery_raw where delivery_id in (
    select d.id from deliveries d join delivery_raw r on r.delivery_id = d.id
    where d.received_at < @before and d.status <> 'failed' limit @limit)`);
  const purgeAudit = lazy(sqlite, "delete from audit_log where id in (select id from audit_log where at < @before order by at limit @limit)");
  const idleCollab = lazy(sqlite, "select story_id as storyId from collab_updates group by story_id having max(at) < @before limit @limit");
  return {
    async pruneChangeLog(before, keepRows, limit) {
      return pruneChanges().run({ before, keep: keepRows, limit }).changes;
    },
    async changeLogFloor() {
      return (floor().get() as { floor: number }).floor;
    },
    async purgeUnusedStories(before, limit) {
      return purgeStories().run({ before, limit, deskFormat: DESK_FORMAT }).changes;
    },
    async purgeRawDeliveries(before, limit) {
      return purgeRaw().run({ before, limit }).changes;
    },
    async purgeAudit(before, limit) {
      return purgeAudit().run({ before, limit }).changes;
    },
    async listIdleCollabStories(before, limit) {
      return (idleCollab().all({ before, limit }) as { storyId: string }[]).map((r) => r.storyId);
    },
  };
}

/** Job leases in the `job_leases` table (shared by every process on the database file). */
export function createSqliteJobLeaseStore(db: Db): JobLeaseStore {
  const sqlite = db.$client;
  const acquire = lazy(sqlite, `insert into job_leases (name, holder, expires_at) values (@name, @holder, @expires)
    on conflict (name) do update set holder = excluded.holder, expires_at = excluded.expires_at
    where job_leases.expires_at <= @now or job_leases.holder = excluded.holder`);
  const release = lazy(sqlite, "update job_leases set holder = null, expires_at = 0, last_run_at = @at, last_result = @result where name = @name and holder = @holder");
  const lastRun = lazy(sqlite, "select last_run_at as lastRunAt, last_result as lastResult from job_leases where name = ?");
  return {
    async acquire(name, holder, ttlMs, nowMs) {
      return acquire().run({ name, holder, expires: nowMs + ttlMs, now: nowMs }).changes === 1;
    },
    async release(name, holder, run) {
      release().run({ name, holder, at: run.at, result: JSON.stringify(run.result) });
    },
    async lastRun(name) {
      const row = lastRun().get(name) as { lastRunAt: string | null; lastResult: string | null } | undefined;
      return { lastRunAt: row?.lastRunAt ?? null, lastResult: row?.lastResult ? (JSON.parse(row.lastResult) as Record<string, unknown>) : null };
    },
  };
}
