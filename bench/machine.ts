import { execFileSync } from "node:child_process";
import os from "node:os";

let cachedLimit: { soft: number | null; hard: number | null } | null = null;

/** The soft and hard limits on open files that child processes inherit (null when unknown). */
export function readFdLimit(): { soft: number | null; hard: number | null } {
  if (cachedLimit) return cachedLimit;
  const read = (flag: string): number | null => {
    try {
      const out = execFileSync("/bin/sh", ["-c", `ulimit ${flag}`], { encoding: "utf8" }).trim();
      return out === "unlimited" ? Number.POSITIVE_INFINITY : Number(out) || null;
    } catch {
      return null;
    }
  };
  cachedLimit = { soft: read("-Sn"), hard: read("-Hn") };
  return cachedLimit;
}

/** The machine a run happens on, for the report header. */
export function describeMachine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    totalMemoryBytes: os.totalmem(),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    fdLimit: readFdLimit(),
  };
}
