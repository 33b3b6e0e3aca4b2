import { resolve } from "node:path";
import { type Config, ConfigError, parseConfig } from "@cryptotrade/config";

/** The one place the server reads `process.env`. A bad environment ends the process with one clear message. */
export function loadConfig(): Config {
  try {
    const config = parseConfig(process.env);
    // pnpm runs scripts inside the package; a relative DATA_DIR means where the user typed the command.
    const dataDir = resolve(process.env.INIT_CWD ?? process.cwd(), config.dataDir);
    if (config.database.kind !== "pglite") return { ...config, dataDir };
    return { ...config, dataDir, database: { ...config.database, dataDir } };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nFix the environment and start again.\n`);
    process.exit(1);
  }
}
