import { resolve } from "node:path";
import { type Config, ConfigError, parseConfig } from "@cryptotrade/config";
import { keepDataDirPrivate } from "./data-dir";

/**
 * The one place the server reads `process.env`. A bad environment ends the process with one
 * clear message. Every entry point (the server, the CLIs) starts here, so DATA_DIR is made
 * owner-only here too, before anything opens or writes it.
 */
export function loadConfig(): Config {
  try {
    const parsed = parseConfig(process.env);
    // pnpm runs scripts inside the package; a relative DATA_DIR means where the user typed the command.
    const dataDir = resolve(process.env.INIT_CWD ?? process.cwd(), parsed.dataDir);
    const config =
      parsed.database.kind === "pglite"
        ? { ...parsed, dataDir, database: { ...parsed.database, dataDir } }
        : { ...parsed, dataDir };
    keepDataDirPrivate(config);
    return config;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nFix the environment and start again.\n`);
    process.exit(1);
  }
}
