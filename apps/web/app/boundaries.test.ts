import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const appDir = import.meta.dirname;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return /\.tsx?$/.test(entry.name) ? [path] : [];
    }),
  );
  return nested.flat();
}

describe("the web app's boundary with the server", () => {
  // @cryptotrade/contract is browser-safe by design (its own test bundles it for the browser).
  it("imports only types from @cryptotrade packages but the contract, so no server code reaches a bundle", async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(appDir)) {
      const source = await readFile(file, "utf8");
      for (const match of source.matchAll(
        /^import\s+(type\s+)?[^;]*?from\s+"(@cryptotrade\/[^"]+)"/gm,
      )) {
        if (!match[1] && !match[2]?.startsWith("@cryptotrade/contract"))
          offenders.push(`${relative(appDir, file)}: ${match[2]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
