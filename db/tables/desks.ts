import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./people";

// Desks, their routing rules and their members.

/** Desks (World, Politics, Sport...) that incoming stories are routed to, tried in `position` order. */
export const desks = sqliteTable("desks", {
  id: text("id").primaryKey(),
  name: text("name").notNull().unique(),
  createdAt: text("created_at").notNull(),
  position: integer("position").notNull().default(0),
});

/** Routing rules of a desk; every given field of a rule must match, rules are tried by position. */
export const deskRules = sqliteTable(
  "desk_rules",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    deskId: text("desk_id").notNull().references(() => desks.id, { onDelete: "cascade" }),
    agency: text("agency"),
    category: text("category"),
    keyword: text("keyword"),
    urgencyMax: integer("urgency_max"),
    position: integer("position").notNull(),
  },
  (t) => [index("desk_rules_desk_idx").on(t.deskId, t.position)],
);

/** The desks each user belongs to (the queue opens on them). */
export const userDesks = sqliteTable(
  "user_desks",
  {
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    deskId: text("desk_id").notNull().references(() => desks.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.deskId] })],
);

export type DeskRecord = typeof desks.$inferSelect;
export type DeskRuleRecord = typeof deskRules.$inferSelect;
