import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { savedSearches, stories, storyReads, userSettings } from "@/db/schema";
import type { UserSettings } from "../../contract/auth";
import type { UserDataStore } from "../user-data-store";

/** What a user who never changed a setting gets. */
export const DEFAULT_SETTINGS: UserSettings = { sound: true, desktopNotifications: true };

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

function readSettings(db: Db | Tx, userId: string): UserSettings {
  const row = db.select({ sound: userSettings.sound, desktopNotifications: userSettings.desktopNotifications }).from(userSettings).where(eq(userSettings.userId, userId)).get();
  return row ?? DEFAULT_SETTINGS;
}

/** The SQLite implementation of read state, saved searches and settings. */
export function createSqliteUserDataStore(db: Db): UserDataStore {
  return {
    async markRead(userId, storyId, at) {
      return db.transaction((tx) => {
        if (!tx.select({ id: stories.id }).from(stories).where(eq(stories.id, storyId)).get()) return false;
        tx.insert(storyReads).values({ userId, storyId, readAt: at }).onConflictDoNothing().run();
        return true;
      });
    },
    async markUnread(userId, storyId) {
      db.delete(storyReads).where(and(eq(storyReads.userId, userId), eq(storyReads.storyId, storyId))).run();
    },
    async listReadStoryIds(userId, storyIds) {
      if (storyIds.length === 0) return new Set();
      const rows = db
        .select({ storyId: storyReads.storyId })
        .from(storyReads)
        .where(and(eq(storyReads.userId, userId), inArray(storyReads.storyId, [...storyIds])))
        .all();
      return new Set(rows.map((r) => r.storyId));
    },
    async listSavedSearches(userId) {
      return db.select().from(savedSearches).where(eq(savedSearches.userId, userId)).orderBy(savedSearches.name).all();
    },
    async createSavedSearch(search) {
      return db.transaction((tx) => {
        const taken = tx.select({ id: savedSearches.id }).from(savedSearches).where(and(eq(savedSearches.userId, search.userId), eq(savedSearches.name, search.name))).get();
        if (taken) return "name_taken" as const;
        return tx.insert(savedSearches).values(search).returning().get();
      });
    },
    async touchSavedSearch(userId, id, at) {
      return db.update(savedSearches).set({ lastOpenedAt: at }).where(and(eq(savedSearches.id, id), eq(savedSearches.userId, userId))).run().changes > 0;
    },
    async removeSavedSearch(userId, id) {
      return db.delete(savedSearches).where(and(eq(savedSearches.id, id), eq(savedSearches.userId, userId))).run().changes > 0;
    },
    async getSettings(userId) {
      return readSettings(db, userId);
    },
    async updateSettings(userId, patch, at) {
      return db.transaction((tx) => {
        const next = { ...readSettings(tx, userId), ...patch };
        tx.insert(userSettings)
          .values({ userId, ...next, updatedAt: at })
          .onConflictDoUpdate({ target: userSettings.userId, set: { ...next, updatedAt: at } })
          .run();
        return next;
      });
    },
  };
}
