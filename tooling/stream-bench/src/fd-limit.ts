import { readFile } from "node:fs/promises";

/**
 * The soft limit on open files this process (and so every child it starts) runs with, or
 * undefined where /proc is missing. The server holds one descriptor per client, so 5k clients
 * need more than the common default of 1024; `pnpm bench` raises the soft limit to the hard one.
 */
export async function readOpenFileLimit(): Promise<number | undefined> {
  try {
    const limits = await readFile("/proc/self/limits", "utf8");
    const line = limits.split("\n").find((l) => l.startsWith("Max open files"));
    const soft = line?.slice("Max open files".length).trim().split(/\s+/)[0];
    if (soft === "unlimited") return Number.POSITIVE_INFINITY;
    return soft === undefined ? undefined : Number(soft);
  } catch {
    return undefined;
  }
}
