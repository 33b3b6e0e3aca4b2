import type { Config } from "@cryptotrade/config";
import { logTraceFields, quietRepeats, serializeLogError } from "@cryptotrade/observability";
import { type DestinationStream, type Logger, pino, type TransportSingleOptions } from "pino";

/** Readable, coloured lines for a person at a terminal; the fields they rarely need hidden. */
const PRETTY: TransportSingleOptions = {
  target: "pino-pretty",
  options: { colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname,service" },
};

/** A failure repeated inside this interval is one line, then one line with its count. */
const REPEAT_INTERVAL_MS = 10_000;

/**
 * Logs to stdout: JSON (for Loki, through Alloy) unless stdout is a terminal (`pnpm start` or
 * `pnpm dev` run by a person), where pino-pretty prints readable coloured lines. Secrets that
 * may reach a log line are redacted, SQL parameter values included (see `serializeLogError`).
 * A warning or error repeated within 10 s is written once, then once more with its count
 * (`repeated`), so an outage does not flood the log store. With tracing on, every line written
 * inside a traced request carries its `traceId` and `spanId`.
 */
export function createLogger(
  config: Pick<Config, "logLevel" | "otelEndpoint">,
  options: {
    pretty?: boolean;
    /** Where JSON lines go instead of stdout (tests read them). */
    destination?: DestinationStream;
    /** The repeat interval, shorter in tests. */
    repeatIntervalMs?: number;
  } = {},
): Logger {
  const pretty = options.pretty ?? (!options.destination && process.stdout.isTTY === true);
  const settings = {
    level: config.logLevel,
    base: { service: "cryptotrade" },
    redact: [
      "req.headers.authorization",
      "req.headers.cookie",
      "*.password",
      "*.token",
      "params",
      "*.params",
    ],
    serializers: { err: serializeLogError },
    hooks: { logMethod: quietRepeats({ everyMs: options.repeatIntervalMs ?? REPEAT_INTERVAL_MS }) },
    ...(config.otelEndpoint ? { mixin: logTraceFields } : {}),
    ...(pretty ? { transport: PRETTY } : {}),
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
