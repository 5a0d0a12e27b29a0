// The database schema, one file per domain in db/tables/ (drizzle-kit reads this file, see drizzle.config.ts).
export * from "./tables/people";
export * from "./tables/desks";
export * from "./tables/ingest";
export * from "./tables/stories";
export * from "./tables/collab";
export * from "./tables/publishing";
export * from "./tables/jobs";
