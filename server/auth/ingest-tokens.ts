import { randomBytes } from "node:crypto";
import type { IngestTokenRecord } from "@/db/schema";
import type { AppContext } from "../app-context";
import type { CreatedIngestToken, IngestTokenCreateInput, IngestTokenDto } from "../contract/ingest-token";
import { AppError } from "../errors";
import { hashSecret, newSecret } from "./session-token";

/** Prefix of every ingest token, so a leaked one is recognisable (secret scanners, logs). */
export const INGEST_TOKEN_PREFIX = "wdi_";

/** The only way an ingest token row reaches the wire: never the hash. */
export function presentIngestToken(row: IngestTokenRecord): IngestTokenDto {
  return { id: row.id, name: row.name, createdAt: row.createdAt, revokedAt: row.revokedAt, lastUsedAt: row.lastUsedAt };
}

/** Every ingest token, newest first. */
export async function listIngestTokens(ctx: AppContext): Promise<IngestTokenDto[]> {
  return (await ctx.store.accounts.listIngestTokens()).map(presentIngestToken);
}

/** Creates a token; the secret is returned this once and only its hash is stored. */
export async function createIngestToken(ctx: AppContext, input: IngestTokenCreateInput, actorId: string): Promise<CreatedIngestToken> {
  const id = randomBytes(9).toString("hex");
  const token = `${INGEST_TOKEN_PREFIX}${newSecret()}`;
  await ctx.store.accounts.createIngestToken({ id, name: input.name, tokenHash: hashSecret(token), createdBy: actorId, createdAt: new Date(ctx.now()).toISOString() });
  await ctx.store.accounts.appendAudit({ actorId, action: "ingest_token_created", subject: id, detail: { name: input.name } });
  return { id, name: input.name, token };
}

/** Revokes a token at once (idempotent for a token already revoked; 404 for an unknown id). */
export async function revokeIngestToken(ctx: AppContext, id: string, actorId: string): Promise<void> {
  const existing = (await ctx.store.accounts.listIngestTokens()).find((t) => t.id === id);
  if (!existing) throw new AppError("not_found", "No such ingest token.");
  if (await ctx.store.accounts.revokeIngestToken(id, new Date(ctx.now()).toISOString())) {
    await ctx.store.accounts.appendAudit({ actorId, action: "ingest_token_revoked", subject: id, detail: { name: existing.name } });
  }
}
