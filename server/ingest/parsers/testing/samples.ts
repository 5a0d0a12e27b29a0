import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The agency samples and schemas committed in `fixtures/wire-samples/`; tests only, never needed at run time. */
export const SAMPLES_DIR = path.resolve(fileURLToPath(new URL("../../../../fixtures/wire-samples/", import.meta.url)));

/** Reads one sample file as raw bytes. */
export function readSample(relativePath: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(SAMPLES_DIR, relativePath)));
}

/** Lists sample files below a folder, relative to SAMPLES_DIR. */
export function listSamples(folder = ""): string[] {
  const root = path.join(SAMPLES_DIR, folder);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(path.relative(SAMPLES_DIR, full));
    }
  };
  walk(root);
  return out.sort();
}
