/** The data the retention job removes, each call one short transaction of at most `limit` rows. */
export interface HousekeepingStore {
  /**
   * Deletes change-log rows written before `before`, or older than the newest `keepRows`, oldest
   * first; never the newest row (it carries the current seq). Returns how many were deleted.
   */
  pruneChangeLog(before: string, keepRows: number, limit: number): Promise<number>;
  /** The oldest seq still in the change log (0 when it is empty): a desk behind it must refetch. */
  changeLogFloor(): Promise<number>;
  /**
   * Deletes incoming or spiked stories nobody used (never published, never edited on the desk, no
   * shared document) unchanged since `before` and whose last change is already out of the change log.
   */
  purgeUnusedStories(before: string, limit: number): Promise<number>;
  /** Deletes the stored bytes of deliveries received before `before` (quarantined ones are kept). */
  purgeRawDeliveries(before: string, limit: number): Promise<number>;
  /** Deletes audit rows written before `before`. */
  purgeAudit(before: string, limit: number): Promise<number>;
  /** Stories whose co-editing update log has had no update since `before` (to be compacted). */
  listIdleCollabStories(before: string, limit: number): Promise<string[]>;
}

/** What a job lease row says about the job's last run. */
export interface JobRun {
  lastRunAt: string | null;
  lastResult: Record<string, unknown> | null;
}

/**
 * Leases that let one node at a time run a housekeeping job. SQLite keeps them in `job_leases`; with
 * several nodes on a shared database (or a Redis lock: SET NX PX) the same three calls apply.
 */
export interface JobLeaseStore {
  /** Takes the lease of `name` for `ttlMs` when it is free, expired or already `holder`'s; true when taken. */
  acquire(name: string, holder: string, ttlMs: number, nowMs: number): Promise<boolean>;
  /** Gives the lease back and records the run's time and result. */
  release(name: string, holder: string, run: { at: string; result: Record<string, unknown> }): Promise<void>;
  lastRun(name: string): Promise<JobRun>;
}
