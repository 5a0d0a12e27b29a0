/** Whether the database can serve the desk: it takes writes and has every shipped migration. */
export interface Readiness {
  writable: boolean;
  pendingMigrations: string[];
  /** Why it is not ready (the first problem found). */
  problem: string | null;
}

/** Operations on the database as a whole: readiness, size, integrity, online backup. */
export interface OpsStore {
  readiness(): Promise<Readiness>;
  /** Bytes on disk: the database file and its write-ahead log. */
  sizeBytes(): Promise<number>;
  /** `PRAGMA integrity_check`: ["ok"] when the file is sound, else the problems found. */
  integrityCheck(): Promise<string[]>;
  /** A consistent copy of the live database into `file` while writers go on (SQLite's online backup). */
  backup(file: string): Promise<{ pages: number; bytes: number }>;
}
