/**
 * How many seconds the server asked us to wait before trying again, from a tRPC error (the
 * client's `TRPCClientError` or a loader's formatted shape): `data.retryAfterSeconds` on a
 * `TOO_MANY_REQUESTS`. Null when the error is not a rate limit.
 *
 * @example
 * readRetryAfterSeconds(mutation.error) // 7
 */
export function readRetryAfterSeconds(error: unknown): number | null {
  const data = readErrorData(error);
  if (data?.code !== "TOO_MANY_REQUESTS") return null;
  const seconds = Number(data.retryAfterSeconds);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 1;
}

/** The human message of an error from the API, or a plain fallback. */
export function readErrorMessage(error: unknown): string {
  if (typeof error === "object" && error !== null && "message" in error) {
    const message = (error as { message: unknown }).message;
    if (typeof message === "string" && message.length > 0) return message;
  }
  return "Something went wrong. Try again in a moment.";
}

function readErrorData(error: unknown): { code?: unknown; retryAfterSeconds?: unknown } | null {
  if (typeof error !== "object" || error === null || !("data" in error)) return null;
  const data = (error as { data: unknown }).data;
  return typeof data === "object" && data !== null ? data : null;
}
