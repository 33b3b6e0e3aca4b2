import { spawn } from "node:child_process";
import { once } from "node:events";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const WEB_DIR = fileURLToPath(new URL("../../../apps/web/", import.meta.url));
// What the server loads; its age against the sources says whether the build is current.
const BUILT = join(WEB_DIR, "build/server/index.js");
const SOURCES = [
  "app",
  "server",
  "public",
  "vite.config.ts",
  "react-router.config.ts",
  "package.json",
];

/**
 * Builds apps/web unless its build is newer than every source file, so the bench measures the
 * code in the working tree, never a stale bundle; "skip" keeps whatever build is there.
 *
 * @example
 * await ensureWebBuild(log);
 */
export async function ensureWebBuild(
  log: (message: string) => void,
  mode: "auto" | "skip" = "auto",
): Promise<void> {
  if (mode === "skip") {
    log("using apps/web's existing build as it is (WEB_BENCH_BUILD=skip)");
    return;
  }
  const built = await stat(BUILT).then(
    (info) => info.mtimeMs,
    () => 0,
  );
  const newest = Math.max(
    ...(await Promise.all(SOURCES.map((path) => newestMtime(join(WEB_DIR, path))))),
  );
  if (built > newest) {
    log("apps/web build is current");
    return;
  }
  log("building apps/web (react-router build)");
  const child = spawn("pnpm", ["--filter", "@cryptotrade/web", "build"], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`the web build exited with code ${String(code)}`);
}

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path);
  const times = await Promise.all(entries.map((entry) => newestMtime(join(path, entry))));
  return Math.max(info.mtimeMs, ...times);
}
