import type { Config } from "@cryptotrade/config";
import { logTraceFields } from "@cryptotrade/observability";
import { type Logger, pino, type TransportSingleOptions } from "pino";

/** Readable, coloured lines for a person at a terminal; the fields they rarely need hidden. */
const PRETTY: TransportSingleOptions = {
  target: "pino-pretty",
  options: { colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname,service" },
};

/**
 * Logs to stdout: JSON (for Loki, through Alloy) unless stdout is a terminal (`pnpm start` or
 * `pnpm dev` run by a person), where pino-pretty prints readable coloured lines. Secrets that
 * may reach a log line are redacted. With tracing on, every line written inside a traced
 * request carries its `traceId` and `spanId`.
 */
export function createLogger(
  config: Pick<Config, "logLevel" | "otelEndpoint">,
  options: { pretty?: boolean } = {},
): Logger {
  const pretty = options.pretty ?? process.stdout.isTTY === true;
  return pino({
    level: config.logLevel,
    base: { service: "cryptotrade" },
    redact: ["req.headers.authorization", "req.headers.cookie", "*.password", "*.token"],
    ...(config.otelEndpoint ? { mixin: logTraceFields } : {}),
    ...(pretty ? { transport: PRETTY } : {}),
  });
}
