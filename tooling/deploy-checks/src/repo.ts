import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The repository's root, whatever directory the tests run from. */
export const REPO_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

/** Whether a command is on the PATH (kubectl, nginx, promtool are Debian packages). */
export function hasCommand(name: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** A repository path, checked to exist: manifests must not point at files that are not there. */
export function repoPath(relative: string): string {
  const path = `${REPO_ROOT}${relative.replace(/^\.\//, "")}`;
  if (!existsSync(path)) throw new Error(`${relative} does not exist`);
  return path;
}
