import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The variant fixtures committed in `fixtures/wire-variants/` (made from the format specifications); tests only. */
export const VARIANTS_DIR = path.resolve(fileURLToPath(new URL("../../../../fixtures/wire-variants/", import.meta.url)));

/** Reads one variant fixture as raw bytes. */
export function readVariant(relativePath: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(VARIANTS_DIR, relativePath)));
}
