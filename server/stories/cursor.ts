import { z } from "zod";
import { AppError } from "../errors";
import type { SearchPosition } from "../storage/story-filter";

/** Where the next page starts: after a queue position (newest first), or after a search result. */
export type PageCursor = { kind: "position"; before: number } | { kind: "search"; after: SearchPosition };

const SearchCursorSchema = z.tuple([z.number().int().nonnegative(), z.number().finite(), z.number().int().nonnegative()]);
const NOT_OURS = "Parameter cursor: is not a cursor this server gave out.";

/** The opaque cursor of the page after a queue position. */
export function encodePositionCursor(position: number): string {
  return String(position);
}

/** The opaque cursor of the page after a search result: its block, rank and position. */
export function encodeSearchCursor(at: SearchPosition): string {
  return `s${Buffer.from(JSON.stringify([at.top, at.rank, at.position])).toString("base64url")}`;
}

/** Decodes a cursor this server gave out; 400 for anything else, or for one that does not fit the query. */
export function decodeCursor(cursor: string, isSearch: boolean): PageCursor {
  if (/^\d{1,16}$/.test(cursor)) {
    if (isSearch) throw new AppError("bad_request", "Parameter cursor: this cursor belongs to a list without q; start again from the first page.");
    return { kind: "position", before: Number(cursor) };
  }
  if (!cursor.startsWith("s") || cursor.length > 200) throw new AppError("bad_request", NOT_OURS);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor.slice(1), "base64url").toString("utf8"));
  } catch {
    throw new AppError("bad_request", NOT_OURS);
  }
  const result = SearchCursorSchema.safeParse(parsed);
  if (!result.success) throw new AppError("bad_request", NOT_OURS);
  if (!isSearch) throw new AppError("bad_request", "Parameter cursor: this cursor belongs to a search; start again from the first page.");
  const [top, rank, position] = result.data;
  return { kind: "search", after: { top, rank, position } };
}
