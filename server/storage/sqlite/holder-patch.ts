import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, type StoryRecord } from "@/db/schema";

/**
 * The columns that change when a story changes hands: the holder, the time of the take and the
 * holder's name then (all null on release). Nothing when the holder stays the same, so an unspike or
 * a reopen keeps the original time.
 */
export function holderPatch(tx: Pick<Db, "select">, current: string | null, next: string | null | undefined, at: string): Partial<StoryRecord> {
  if (next === undefined || next === current) return {};
  if (next === null) return { takenBy: null, takenAt: null, takenByName: null };
  const name = tx.select({ name: users.name }).from(users).where(eq(users.id, next)).get()?.name ?? null;
  return { takenBy: next, takenAt: at, takenByName: name };
}
