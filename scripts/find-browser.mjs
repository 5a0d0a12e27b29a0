// Finds a Chromium for the browser tests: $CHROMIUM_PATH, /usr/bin/chromium, Debian's package
// installed with apt-get when running as root, or else Playwright's own browser if one is installed.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

function playwrightOwn() {
  try {
    const path = execFileSync(process.execPath, ["-e", "process.stdout.write(require('playwright-core').chromium.executablePath())"], { encoding: "utf8" });
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Returns the path of a Chromium binary, installing Debian's package if needed and allowed. */
export function findBrowser() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    process.stderr.write("No Chromium found: installing Debian's chromium package (once)...\n");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    spawnSync("apt-get", ["update"], { stdio: "inherit", env });
    const install = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { stdio: "inherit", env });
    if (install.status === 0 && existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  }
  const own = playwrightOwn();
  if (own) return own;
  throw new Error("No Chromium: install Debian's chromium package, or set CHROMIUM_PATH to a Chromium binary.");
}
