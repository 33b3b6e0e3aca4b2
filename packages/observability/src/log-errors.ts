import { stdSerializers } from "pino";

/**
 * Fields of a database error that hold the values a statement was run with, or copies of them:
 * drizzle's `params`, pg's `detail` ("Key (email)=(a@b.c) already exists"). Emails, hashes and
 * tokens must never reach the log store.
 */
const VALUE_FIELDS = new Set(["params", "parameters", "values", "detail"]);
const REDACTED = "[Redacted]";

/**
 * pino's `err` serializer, less the SQL parameter values a database error carries: the value
 * fields are redacted, and drizzle's "Failed query: … params: …" message keeps the query and
 * loses the parameters, in the message and stack of the error and of every error wrapping it
 * (tRPC copies its cause's message).
 *
 * @example
 * const log = pino({ serializers: { err: serializeLogError } });
 */
export function serializeLogError(error: unknown): unknown {
  const serialized: unknown = stdSerializers.err(error as Error);
  if (!(error instanceof Error)) return serialized;
  return scrub(serialized, leakingMessagesOf(error), 0);
}

/** Each drizzle query error's message in the chain, with the message it should have had. */
function leakingMessagesOf(error: Error): Map<string, string> {
  const leaks = new Map<string, string>();
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    const { query, params } = current as { query?: unknown; params?: unknown };
    if (typeof query === "string" && params !== undefined) {
      leaks.set(current.message, `Failed query: ${query}`);
    }
    current = current.cause;
  }
  return leaks;
}

function scrub(value: unknown, leaks: Map<string, string>, depth: number): unknown {
  if (typeof value === "string") {
    let text = value;
    for (const [leaking, safe] of leaks) text = text.split(leaking).join(safe);
    return text;
  }
  if (typeof value !== "object" || value === null || depth > 8) return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, leaks, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    copy[key] = VALUE_FIELDS.has(key) ? REDACTED : scrub(field, leaks, depth + 1);
  }
  return copy;
}
