import { eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { desks, userDesks, users, userSettings } from "@/db/schema";
import type { UserWithProfile } from "../store";
import { DEFAULT_SETTINGS } from "./sqlite-user-data-store";

/** The user's desk ids as a JSON array, in routing order (creation, rowid breaking ties). */
const deskIdsJson = sql<string>`(
  select json_group_array(${userDesks.deskId} order by ${desks.createdAt}, ${desks}.rowid)
  from ${userDesks} join ${desks} on ${desks.id} = ${userDesks.deskId}
  where ${userDesks.userId} = ${users.id}
)`;

/** Users (all, or those matching `where`) by name, each with desks and settings: one query, however many users. */
export function selectUsersWithProfiles(db: Db, where?: SQL): UserWithProfile[] {
  const rows = db
    .select({ user: users, deskIds: deskIdsJson, sound: userSettings.sound, desktopNotifications: userSettings.desktopNotifications })
    .from(users)
    .leftJoin(userSettings, eq(userSettings.userId, users.id))
    .where(where)
    .orderBy(users.name)
    .all();
  return rows.map((row) => ({
    user: row.user,
    deskIds: JSON.parse(row.deskIds) as string[],
    settings: {
      sound: row.sound ?? DEFAULT_SETTINGS.sound,
      desktopNotifications: row.desktopNotifications ?? DEFAULT_SETTINGS.desktopNotifications,
    },
  }));
}
