import type { DeskRecord } from "@/db/schema";
import type { DeskRule } from "../domain/desk-routing";

/** A desk with its rules in the order they are tried. */
export interface DeskWithRules {
  desk: DeskRecord;
  rules: DeskRule[];
}

/** Desks, their routing rules and who belongs to them. */
export interface DeskStore {
  /** Every desk in routing order (the admins' order; new desks last). */
  listDesks(): Promise<DeskWithRules[]>;
  getDesk(id: string): Promise<DeskWithRules | null>;
  /** Adds a desk last in routing order. */
  createDesk(desk: Omit<DeskRecord, "position">, rules: DeskRule[]): Promise<DeskWithRules | "name_taken">;
  /** Renames and/or replaces the rules; null when there is no such desk. */
  updateDesk(id: string, patch: { name?: string; rules?: DeskRule[] }): Promise<DeskWithRules | "name_taken" | null>;
  /** Sets the routing order to `deskIds` (every desk, once); "stale" when they are not exactly today's desks. */
  reorderDesks(deskIds: string[]): Promise<DeskWithRules[] | "stale">;
  removeDesk(id: string): Promise<boolean>;
  listUserDeskIds(userId: string): Promise<string[]>;
  /** Replaces the user's desks; refused when a desk does not exist. */
  setUserDesks(userId: string, deskIds: string[]): Promise<"ok" | "unknown_desk">;
}
