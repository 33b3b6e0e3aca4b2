import { chmodSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "@cryptotrade/config";

/** Everything the process creates from now on: owner-only (files 0600, folders 0700). */
const OWNER_ONLY_UMASK = 0o077;

/** Whether anything is kept in DATA_DIR: the embedded database, or the generated secrets key. */
function usesDataDir(config: Config): boolean {
  return config.database.kind === "pglite" || config.secrets.keys.length === 0;
}

/**
 * Makes DATA_DIR and everything in it owner-only (folders 0700, files 0600). PGlite unpacks a
 * fresh database with its files 0666, whatever the umask, so this runs again once a new
 * database is open; files it creates later follow the umask.
 */
export function closeDataDirToOthers(dataDir: string): void {
  if (!existsSync(dataDir)) return;
  chmodSync(dataDir, 0o700);
  for (const entry of readdirSync(dataDir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) chmodSync(path, 0o700);
    else if (entry.isFile()) chmodSync(path, 0o600);
  }
}

/**
 * Keeps DATA_DIR (the embedded database's files, the generated secrets key) to the account
 * the server runs as: the process's umask makes what it creates owner-only, and a DATA_DIR
 * left open by an older version is closed. Untouched when nothing is kept there (PostgreSQL
 * and SECRETS_KEYS both configured).
 *
 * @example
 * keepDataDirPrivate(config); // before the database opens or the key is generated
 */
export function keepDataDirPrivate(config: Config): void {
  if (!usesDataDir(config)) return;
  process.umask(OWNER_ONLY_UMASK);
  closeDataDirToOthers(config.dataDir);
}
