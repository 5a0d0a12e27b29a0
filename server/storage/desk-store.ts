import type { DeskRecord } from "@/db/schema";
import type { DeskRule } from "../domain/desk-routing";

/** A desk with its rules in the order they are tried. */
export interface DeskWithRules {
  desk: DeskRecord;
  rules: DeskRule[];
}

/** Desks, their routing rules and who belongs to them. */
export interface DeskStore {
  /** Every desk in routing order (oldest first). */
  listDesks(): Promise<DeskWithRules[]>;
  getDesk(id: string): Promise<DeskWithRules | null>;
  createDesk(desk: DeskRecord, rules: DeskRule[]): Promise<DeskWithRules | "name_taken">;
  /** Renames and/or replaces the rules; null when there is no such desk. */
  updateDesk(id: string, patch: { name?: string; rules?: DeskRule[] }): Promise<DeskWithRules | "name_taken" | null>;
  removeDesk(id: string): Promise<boolean>;
  listUserDeskIds(userId: string): Promise<string[]>;
  /** Replaces the user's desks; refused when a desk does not exist. */
  setUserDesks(userId: string, deskIds: string[]): Promise<"ok" | "unknown_desk">;
}
