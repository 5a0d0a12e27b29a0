import { and, desc, eq, isNull, lt, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, ingestTokens, sessions, users } from "@/db/schema";
import type { AccountStore } from "../store";
import { selectUsersWithProfiles } from "./user-profiles";

/** The SQLite implementation of users, sessions, tokens and the audit log. */
export function createSqliteAccountStore(db: Db): AccountStore {
  return {
    async countUsers() {
      return db.$count(users);
    },
    async createUser(user) {
      const now = new Date().toISOString();
      return db.insert(users).values({ ...user, createdAt: now, updatedAt: now }).returning().get();
    },
    async findUserByEmail(email) {
      return db.select().from(users).where(eq(users.email, email.toLowerCase())).get() ?? null;
    },
    async findUserById(id) {
      return db.select().from(users).where(eq(users.id, id)).get() ?? null;
    },
    async listUsersWithProfiles() {
      return selectUsersWithProfiles(db);
    },
    async findUserWithProfile(id) {
      return selectUsersWithProfiles(db, eq(users.id, id))[0] ?? null;
    },
    async updateUser(id, patch) {
      return db.update(users).set({ ...patch, updatedAt: new Date().toISOString() }).where(eq(users.id, id)).returning().get() ?? null;
    },
    async createSession(session) {
      db.insert(sessions).values(session).run();
    },
    async findSession(idHash) {
      const row = db.select().from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.idHash, idHash)).get();
      return row ? { session: row.sessions, user: row.users } : null;
    },
    async touchSession(idHash, lastSeenAt) {
      db.update(sessions).set({ lastSeenAt }).where(eq(sessions.idHash, idHash)).run();
    },
    async revokeSession(idHash, at) {
      db.update(sessions).set({ revokedAt: at }).where(and(eq(sessions.idHash, idHash), isNull(sessions.revokedAt))).run();
    },
    async revokeUserSessions(userId, at, exceptHash) {
      return db.transaction((tx) => {
        const which = and(eq(sessions.userId, userId), isNull(sessions.revokedAt), exceptHash ? ne(sessions.idHash, exceptHash) : undefined);
        const open = tx.select({ idHash: sessions.idHash }).from(sessions).where(which).all();
        tx.update(sessions).set({ revokedAt: at }).where(which).run();
        return open.map((s) => s.idHash);
      });
    },
    async createIngestToken(token) {
      db.insert(ingestTokens).values(token).run();
    },
    async findIngestToken(tokenHash) {
      return db.select().from(ingestTokens).where(eq(ingestTokens.tokenHash, tokenHash)).get() ?? null;
    },
    async listIngestTokens() {
      return db.select().from(ingestTokens).orderBy(desc(ingestTokens.createdAt)).all();
    },
    async revokeIngestToken(id, at) {
      return db.update(ingestTokens).set({ revokedAt: at }).where(and(eq(ingestTokens.id, id), isNull(ingestTokens.revokedAt))).run().changes > 0;
    },
    async touchIngestToken(id, lastUsedAt) {
      db.update(ingestTokens).set({ lastUsedAt }).where(eq(ingestTokens.id, id)).run();
    },
    async appendAudit(entry) {
      db.insert(auditLog).values({ at: new Date().toISOString(), actorId: entry.actorId, action: entry.action, subject: entry.subject, detail: entry.detail ?? null }).run();
    },
    async listAudit({ limit, actorId, action, beforeId }) {
      const where = and(actorId ? eq(auditLog.actorId, actorId) : undefined, action ? eq(auditLog.action, action) : undefined, beforeId ? lt(auditLog.id, beforeId) : undefined);
      return db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(limit).all();
    },
  };
}
