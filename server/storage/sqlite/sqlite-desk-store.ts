import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { deskRules, desks, userDesks, type DeskRecord } from "@/db/schema";
import type { DeskRule } from "../../domain/desk-routing";
import type { DeskStore, DeskWithRules } from "../desk-store";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Routing order: the admins' order, then creation (rowid breaks ties within a millisecond). */
const ROUTING_ORDER = [asc(desks.position), asc(desks.createdAt), sql`${desks}.rowid`];

/** Every desk in routing order with its rules by position; usable inside a transaction. */
export function readDesks(tx: Tx | Db): DeskWithRules[] {
  const deskRows = tx.select().from(desks).orderBy(...ROUTING_ORDER).all();
  const ruleRows = tx.select().from(deskRules).orderBy(asc(deskRules.deskId), asc(deskRules.position)).all();
  return deskRows.map((desk) => ({
    desk,
    rules: ruleRows
      .filter((r) => r.deskId === desk.id)
      .map((r) => ({ agency: r.agency, category: r.category, keyword: r.keyword, urgencyMax: r.urgencyMax })),
  }));
}

function isNameTaken(tx: Tx, name: string, exceptId: string | null): boolean {
  const sameName = sql`lower(${desks.name}) = lower(${name})`;
  return tx.select({ id: desks.id }).from(desks).where(exceptId ? and(sameName, ne(desks.id, exceptId)) : sameName).get() !== undefined;
}

function writeRules(tx: Tx, deskId: string, rules: DeskRule[]): void {
  tx.delete(deskRules).where(eq(deskRules.deskId, deskId)).run();
  rules.forEach((rule, position) => tx.insert(deskRules).values({ ...rule, deskId, position }).run());
}

/** The SQLite implementation of desks, routing rules and desk membership. */
export function createSqliteDeskStore(db: Db): DeskStore {
  const getDesk = (tx: Tx | Db, id: string): DeskWithRules | null => readDesks(tx).find((d) => d.desk.id === id) ?? null;
  return {
    async listDesks() {
      return readDesks(db);
    },
    async getDesk(id) {
      return getDesk(db, id);
    },
    async createDesk(desk: Omit<DeskRecord, "position">, rules) {
      return db.transaction((tx) => {
        if (isNameTaken(tx, desk.name, null)) return "name_taken" as const;
        // A new desk comes last: it never takes stories from the desks already routing them.
        const last = tx.select({ position: sql<number | null>`max(${desks.position})` }).from(desks).get();
        tx.insert(desks).values({ ...desk, position: (last?.position ?? -1) + 1 }).run();
        writeRules(tx, desk.id, rules);
        return getDesk(tx, desk.id)!;
      });
    },
    async updateDesk(id, patch) {
      return db.transaction((tx) => {
        if (!tx.select({ id: desks.id }).from(desks).where(eq(desks.id, id)).get()) return null;
        if (patch.name !== undefined) {
          if (isNameTaken(tx, patch.name, id)) return "name_taken" as const;
          tx.update(desks).set({ name: patch.name }).where(eq(desks.id, id)).run();
        }
        if (patch.rules) writeRules(tx, id, patch.rules);
        return getDesk(tx, id);
      });
    },
    async reorderDesks(deskIds) {
      return db.transaction((tx) => {
        // The whole order, checked against the desks as they are now: a desk added or removed meanwhile
        // makes the order the admin saw stale, and nothing is changed.
        const current = tx.select({ id: desks.id }).from(desks).all().map((d) => d.id);
        const given = new Set(deskIds);
        if (given.size !== deskIds.length || current.length !== deskIds.length || current.some((id) => !given.has(id))) return "stale" as const;
        deskIds.forEach((id, position) => tx.update(desks).set({ position }).where(eq(desks.id, id)).run());
        return readDesks(tx);
      });
    },
    async removeDesk(id) {
      return db.delete(desks).where(eq(desks.id, id)).run().changes > 0;
    },
    async listUserDeskIds(userId) {
      return db.select({ deskId: userDesks.deskId }).from(userDesks).innerJoin(desks, eq(desks.id, userDesks.deskId)).where(eq(userDesks.userId, userId)).orderBy(...ROUTING_ORDER).all().map((r) => r.deskId);
    },
    async setUserDesks(userId, deskIds) {
      const unique = [...new Set(deskIds)];
      return db.transaction((tx) => {
        const known = unique.length === 0 ? [] : tx.select({ id: desks.id }).from(desks).where(inArray(desks.id, unique)).all();
        if (known.length !== unique.length) return "unknown_desk" as const;
        tx.delete(userDesks).where(eq(userDesks.userId, userId)).run();
        for (const deskId of unique) tx.insert(userDesks).values({ userId, deskId }).run();
        return "ok" as const;
      });
    },
  };
}
