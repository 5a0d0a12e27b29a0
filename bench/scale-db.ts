import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { makeTempDir, REPO_ROOT } from "./children";
import { generateDatabase, type GeneratedMeta } from "./generate-db";

/** Newest modification time among the generator, its corpus and the migrations (a cache older than this is stale). */
function newestSourceMs(): number {
  const files = [
    path.join(REPO_ROOT, "bench", "generate-db.ts"),
    ...readdirSync(path.join(REPO_ROOT, "bench", "corpus")).map((f) => path.join(REPO_ROOT, "bench", "corpus", f)),
    ...readdirSync(path.join(REPO_ROOT, "db", "migrations")).map((f) => path.join(REPO_ROOT, "db", "migrations", f)),
  ];
  return Math.max(...files.map((f) => statSync(f).mtimeMs));
}

/**
 * A generated database of `stories` stories (bench/generate-db.ts) and its meta (vocabulary by rank).
 * Large ones are kept in bench/tmp/ (git-ignored) and reused while the generator and migrations are
 * unchanged, since a million stories take minutes; small ones go to a temporary directory.
 */
export async function getScaleDb(stories: number, log: (line: string) => void = () => undefined): Promise<{ file: string; meta: GeneratedMeta }> {
  const isLarge = stories >= 100_000;
  const file = isLarge ? path.join(REPO_ROOT, "bench", "tmp", `scale-${stories}.db`) : path.join(makeTempDir("scale"), "wiredesk.db");
  const metaFile = `${file}.meta.json`;
  if (isLarge && existsSync(file) && existsSync(metaFile) && statSync(file).mtimeMs > newestSourceMs()) {
    const meta = JSON.parse(readFileSync(metaFile, "utf8")) as GeneratedMeta;
    if (meta.stories === stories) return { file, meta };
  }
  log(`generating a database of ${stories.toLocaleString("en-US")} stories (bench/generate-db.ts)…`);
  const meta = await generateDatabase({ stories, out: file, onProgress: (done, total) => done % 200_000 === 0 && log(`  ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")}`) });
  return { file, meta };
}
