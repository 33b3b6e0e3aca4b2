/**
 * SQLSTATE classes and codes that mean "the database could not serve this now" rather than
 * "this statement is wrong": connection exceptions (08), too many connections (53300), a
 * statement or lock timeout (57014, 55P03), the server shutting down or starting (57P01-57P03).
 */
const UNAVAILABLE_STATES = new Set(["53300", "57014", "55P03", "57P01", "57P02", "57P03"]);
/** The socket errors of a database that is away or unreachable. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH"]);
/** pg and PGlite say these in words only (no code). */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /^Query read timeout$/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error/,
  /^PGlite is closed$/,
];

/**
 * Whether `error` (or any error it wraps, as drizzle wraps the driver's) says the database is
 * away, too slow or refusing connections: nothing is wrong with the request, and it can be
 * retried later. The API answers these SERVICE_UNAVAILABLE instead of an internal error.
 *
 * @example
 * if (isDatabaseUnavailable(error)) return serviceUnavailable();
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current = error;
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") {
      if (code.startsWith("08") && code.length === 5) return true;
      if (UNAVAILABLE_STATES.has(code) || SOCKET_CODES.has(code)) return true;
    }
    const { message } = current;
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
    current = current.cause;
  }
  return false;
}
