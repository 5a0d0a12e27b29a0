import type { SavedSearchRecord } from "@/db/schema";
import type { UserSettings } from "../contract/auth";

/** Per-user data: read state, saved searches and settings. */
export interface UserDataStore {
  /** Marks a story read (idempotent); false when there is no such story. */
  markRead(userId: string, storyId: string, at: string): Promise<boolean>;
  markUnread(userId: string, storyId: string): Promise<void>;
  /** Which of these stories the user has read. */
  listReadStoryIds(userId: string, storyIds: readonly string[]): Promise<Set<string>>;
  listSavedSearches(userId: string): Promise<SavedSearchRecord[]>;
  createSavedSearch(search: SavedSearchRecord): Promise<SavedSearchRecord | "name_taken">;
  /** Sets lastOpenedAt; false when the user has no such saved search. */
  touchSavedSearch(userId: string, id: string, at: string): Promise<boolean>;
  removeSavedSearch(userId: string, id: string): Promise<boolean>;
  /** The user's settings (defaults when never set). */
  getSettings(userId: string): Promise<UserSettings>;
  updateSettings(userId: string, patch: Partial<UserSettings>, at: string): Promise<UserSettings>;
}
