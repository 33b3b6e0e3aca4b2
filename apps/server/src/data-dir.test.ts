import { chmod, mkdir, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startServerProcess } from "./testing/server-process";

/** Every file and folder under `dir` whose mode lets its group or anyone else in. */
async function openToOthers(dir: string): Promise<string[]> {
  const open: string[] = [];
  for (const name of await readdir(dir, { recursive: true })) {
    const path = join(dir, name);
    if (((await stat(path)).mode & 0o077) !== 0) open.push(name);
  }
  return open;
}

describe("DATA_DIR", () => {
  let root: string | undefined;
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("holds the embedded database and the generated key for the server's account alone", async () => {
    root = await mkdtemp(join(tmpdir(), "ct-data-dir-"));
    const dataDir = join(root, "data");
    // Made before, as an older server or an operator's mkdir would have: open to everyone.
    await mkdir(dataDir);
    await chmod(dataDir, 0o755);
    const server = await startServerProcess({
      env: { DATA_DIR: dataDir, DEMO: "false", LOG_LEVEL: "warn" },
      readyTimeoutMs: 200_000,
    });
    try {
      expect((await stat(dataDir)).mode & 0o777).toBe(0o700);
      const files = await readdir(dataDir, { recursive: true });
      expect(files).toContain("secrets.key");
      expect(files.length).toBeGreaterThan(10);
      expect(await openToOthers(dataDir)).toEqual([]);
    } finally {
      await server.kill("SIGTERM");
    }
    // Files written while stopping (checkpoints) too.
    expect(await openToOthers(dataDir)).toEqual([]);
    // A process start on a shared 2-core machine; the test counts modes, not time.
  }, 300_000);
});
