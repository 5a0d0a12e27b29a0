import type { Role } from "../contract/auth";

/** Who is calling: a signed-in user, or an ingest token. */
export type Actor =
  | { kind: "user"; userId: string; role: Role; name: string; sessionHash: string }
  | { kind: "token"; tokenId: string; name: string }
  | { kind: "anonymous" };
