import { COLLAB_MAX_UPDATE_BYTES } from "../contract/collab";

interface Pending {
  storyId: string;
  parts: (Uint8Array | undefined)[];
  received: number;
  bytes: number;
}

/**
 * Puts large updates back together: a client sends an update above the chunk size as numbered
 * chunks of one id. Bounded per socket: at most 4 updates in flight and 2 MB in all.
 */
export class ChunkAssembler {
  private readonly pending = new Map<string, Pending>();
  private bytes = 0;

  /** Adds one chunk: the whole update once every chunk is in, "partial" before, or why it is refused. */
  add(storyId: string, chunk: { id: string; index: number; count: number }, data: Uint8Array): Uint8Array | "partial" | { error: string } {
    let entry = this.pending.get(chunk.id);
    if (!entry) {
      if (this.pending.size >= 4) return { error: "Too many large updates at once; wait for the earlier ones." };
      entry = { storyId, parts: new Array<Uint8Array | undefined>(chunk.count), received: 0, bytes: 0 };
      this.pending.set(chunk.id, entry);
    }
    if (entry.storyId !== storyId || entry.parts.length !== chunk.count || chunk.index >= chunk.count) return this.drop(chunk.id, "The chunks of one update disagree.");
    if (this.bytes + data.byteLength > COLLAB_MAX_UPDATE_BYTES) return this.drop(chunk.id, `An update may be at most ${COLLAB_MAX_UPDATE_BYTES / (1024 * 1024)} MB.`);
    if (!entry.parts[chunk.index]) {
      entry.parts[chunk.index] = new Uint8Array(data);
      entry.received += 1;
      entry.bytes += data.byteLength;
      this.bytes += data.byteLength;
    }
    if (entry.received < chunk.count) return "partial";
    this.drop(chunk.id, "");
    const whole = new Uint8Array(entry.bytes);
    let at = 0;
    for (const part of entry.parts) {
      whole.set(part!, at);
      at += part!.byteLength;
    }
    return whole;
  }

  private drop(id: string, error: string): { error: string } {
    const entry = this.pending.get(id);
    if (entry) this.bytes -= entry.bytes;
    this.pending.delete(id);
    return { error };
  }
}
