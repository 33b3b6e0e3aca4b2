import type { LogFn, Logger, LoggerOptions } from "pino";

type LogMethodHook = NonNullable<NonNullable<LoggerOptions["hooks"]>["logMethod"]>;

/** pino's numeric level for `warn`: repeats below it (info, debug) are not the flood kind. */
const WARN = 40;
/** More distinct failures than this at once are logged as they come rather than tracked. */
const MAX_TRACKED = 500;

interface Repeat {
  logger: Logger;
  method: LogFn;
  msg: string;
  suppressed: number;
}

/**
 * A pino `hooks.logMethod` that says a repeated warning or error once per `everyMs`: the first
 * occurrence is written as it comes, the ones after it in the same interval are only counted,
 * and when the interval ends one line with the same message says how many there were
 * (`repeated`). A failure is "the same" when its message and its error's type, code and message
 * (digits and ids masked) are: a 20 s Redis outage is then a handful of lines, not 40,000.
 *
 * @example
 * const log = pino({ hooks: { logMethod: quietRepeats({ everyMs: 10_000 }) } });
 */
export function quietRepeats(options: { everyMs: number }): LogMethodHook {
  const repeats = new Map<string, Repeat>();
  const flush = (key: string) => {
    const repeat = repeats.get(key);
    repeats.delete(key);
    if (!repeat || repeat.suppressed === 0) return;
    repeat.method.call(
      repeat.logger,
      { repeated: repeat.suppressed, intervalMs: options.everyMs },
      repeat.msg,
    );
  };
  return function logMethod(this: Logger, args, method, level) {
    const key = level >= WARN ? keyOf(level, args) : undefined;
    if (key === undefined) return method.apply(this, args);
    const repeat = repeats.get(key);
    if (repeat) {
      repeat.suppressed++;
      return;
    }
    if (repeats.size < MAX_TRACKED) {
      repeats.set(key, { logger: this, method, msg: messageOf(args) ?? "", suppressed: 0 });
      setTimeout(() => flush(key), options.everyMs).unref();
    }
    return method.apply(this, args);
  };
}

function messageOf(args: unknown[]): string | undefined {
  const [first, second] = args;
  if (typeof first === "string") return first;
  return typeof second === "string" ? second : undefined;
}

/** What makes two lines "the same failure"; undefined for a line with no message. */
function keyOf(level: number, args: unknown[]): string | undefined {
  const msg = messageOf(args);
  if (msg === undefined) return undefined;
  const [first] = args;
  const fields = typeof first === "object" && first !== null ? first : {};
  // An error, or an expected failure summarized without its stack (`failure`).
  const error = first instanceof Error ? first : (fields as { err?: unknown }).err;
  const cause = error ?? (fields as { failure?: unknown }).failure;
  if (typeof cause !== "object" || cause === null) return `${level}|${msg}`;
  const { name, type, code, message } = cause as Record<string, unknown>;
  return `${level}|${msg}|${String(name ?? type)}|${String(code ?? "")}|${mask(String(message))}`;
}

/** Ids, numbers and quoted values vary between otherwise identical failures. */
function mask(text: string): string {
  return text
    .slice(0, 200)
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27,}/gi, "#")
    .replace(/\d+/g, "#");
}
