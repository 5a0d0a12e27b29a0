import { access, mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** The sub-folder of the drop folder that holds ingested files. */
export const PROCESSED_DIR = "processed";
/** The sub-folder that holds refused files, each beside its `.error.txt`. */
export const FAILED_DIR = "failed";

const TEMPORARY_SUFFIXES = [".tmp", ".temp", ".part", ".partial", ".crdownload", ".filepart", ".swp", ".lock", "~"];

/** True for names a sender uses while still writing (dotfiles, `*.tmp`, `*.part`...): never ingested. */
export function isIgnoredName(name: string): boolean {
  const lower = name.toLowerCase();
  return name.startsWith(".") || name.startsWith("~$") || TEMPORARY_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

function compactTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}

/** A free path for `name` in `dir`: the name itself, or `stem.<timestamp>[-n]ext` when it is taken. */
export async function freeDestination(dir: string, name: string, now: Date = new Date()): Promise<string> {
  const plain = path.join(dir, name);
  if (!(await exists(plain))) return plain;
  const ext = path.extname(name);
  const stem = ext ? name.slice(0, -ext.length) : name;
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, `${stem}.${compactTimestamp(now)}${n > 1 ? `-${n}` : ""}${ext}`);
    if (!(await exists(candidate))) return candidate;
  }
}

/** Moves a handled file into `processed/`, keeping its name; returns where it went. */
export async function moveToProcessed(dropDir: string, name: string): Promise<string> {
  const target = path.join(dropDir, PROCESSED_DIR);
  await mkdir(target, { recursive: true });
  const destination = await freeDestination(target, name);
  await rename(path.join(dropDir, name), destination);
  return destination;
}

/** Moves a refused file into `failed/` and writes `<name>.error.txt` beside it saying why. */
export async function moveToFailed(dropDir: string, name: string, reason: string): Promise<string> {
  const target = path.join(dropDir, FAILED_DIR);
  await mkdir(target, { recursive: true });
  const destination = await freeDestination(target, name);
  await rename(path.join(dropDir, name), destination);
  const report = [`${path.basename(destination)} was not ingested.`, "", reason, "", `Moved here at ${new Date().toISOString()}.`, ""].join("\n");
  await writeFile(`${destination}.error.txt`, report, "utf8");
  return destination;
}
