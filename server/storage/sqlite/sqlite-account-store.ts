import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, ingestTokens, sessions, users } from "@/db/schema";
import type { AccountStore } from "../store";

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
    async listUsers() {
      return db.select().from(users).orderBy(users.name).all();
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
    async revokeUserSessions(userId, at) {
      return db.transaction((tx) => {
        const open = tx.select({ idHash: sessions.idHash }).from(sessions).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt))).all();
        tx.update(sessions).set({ revokedAt: at }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt))).run();
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
    async listAudit(limit) {
      return db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).all();
    },
  };
}
