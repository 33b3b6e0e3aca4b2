import type { Config } from "@cryptotrade/config";
import { type Logger, pino } from "pino";

/** JSON logs to stdout; secrets that may reach a log line are redacted. */
export function createLogger(config: Pick<Config, "logLevel">): Logger {
  return pino({
    level: config.logLevel,
    base: { service: "cryptotrade" },
    redact: ["req.headers.authorization", "req.headers.cookie", "*.password", "*.token"],
  });
}
