import { type Config, ConfigError, parseConfig } from "@cryptotrade/config";

/** The one place the server reads `process.env`. A bad environment ends the process with one clear message. */
export function loadConfig(): Config {
  try {
    return parseConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nFix the environment and start again.\n`);
    process.exit(1);
  }
}
