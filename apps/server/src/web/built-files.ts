import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

/**
 * The URL paths of the built files outside /assets (`/favicon.svg`, `/icons/icon-192.png`,
 * `/sw.js`), read once when the server starts: the build does not change while it runs.
 */
export function builtFilePaths(clientDir: string): Set<string> {
  const paths = new Set<string>();
  for (const entry of readdirSync(clientDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = `/${relative(clientDir, join(entry.parentPath, entry.name)).split(sep).join("/")}`;
    if (!path.startsWith("/assets/")) paths.add(path);
  }
  return paths;
}
