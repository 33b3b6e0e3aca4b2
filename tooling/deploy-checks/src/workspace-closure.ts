import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./repo";

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/** Every workspace package's directory (relative to the root), by package name. */
function workspaceDirs(): Map<string, string> {
  const dirs = new Map<string, string>();
  for (const group of ["apps", "packages", "tooling"]) {
    for (const entry of readdirSync(join(REPO_ROOT, group), { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const dir = `${group}/${entry.name}`;
      try {
        const manifest = JSON.parse(readFileSync(join(REPO_ROOT, dir, "package.json"), "utf8"));
        dirs.set((manifest as Manifest).name, dir);
      } catch {
        // A folder without a manifest is not a workspace package.
      }
    }
  }
  return dirs;
}

/**
 * The directories of a workspace package and every workspace package it depends on, directly
 * or not (dev dependencies included: `pnpm install --filter <name>...` installs them too).
 *
 * @example
 * workspaceClosure("@cryptotrade/web") // ["apps/web", "apps/server", "packages/api", ...]
 */
export function workspaceClosure(name: string): string[] {
  const dirs = workspaceDirs();
  const seen = new Set<string>();
  const visit = (packageName: string) => {
    const dir = dirs.get(packageName);
    if (!dir || seen.has(dir)) return;
    seen.add(dir);
    const manifest = JSON.parse(
      readFileSync(join(REPO_ROOT, dir, "package.json"), "utf8"),
    ) as Manifest;
    const all = { ...manifest.dependencies, ...manifest.devDependencies };
    for (const [dependency, version] of Object.entries(all)) {
      if (version.startsWith("workspace:")) visit(dependency);
    }
  };
  visit(name);
  return [...seen].sort();
}
