import { AuthError, type AuthErrorCode } from "@cryptotrade/auth";
import type { ErrorDetails } from "@cryptotrade/contract/errors";
import { isDatabaseUnavailable } from "@cryptotrade/db/client";
import { ExchangeError, type ExchangeErrorCode } from "@cryptotrade/exchange";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";

type TRPCErrorCode = TRPCError["code"];

const AUTH_ERROR_CODES: Record<AuthErrorCode, TRPCErrorCode> = {
  INVALID_INPUT: "BAD_REQUEST",
  INVALID_CREDENTIALS: "UNAUTHORIZED",
  WRONG_PASSWORD: "BAD_REQUEST",
  INVALID_CODE: "BAD_REQUEST",
  WEAK_PASSWORD: "BAD_REQUEST",
  EMAIL_TAKEN: "CONFLICT",
  USERNAME_TAKEN: "CONFLICT",
  TOTP_NOT_ENABLED: "BAD_REQUEST",
  TOTP_ALREADY_ENABLED: "CONFLICT",
  TOTP_SETUP_MISSING: "BAD_REQUEST",
  TOTP_REQUIRED: "FORBIDDEN",
  TWO_FACTOR_REQUIRED: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  REAUTHENTICATION_REQUIRED: "FORBIDDEN",
  WITHDRAWALS_HELD: "FORBIDDEN",
  SELF_APPROVAL: "FORBIDDEN",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
};

const EXCHANGE_ERROR_CODES: Record<ExchangeErrorCode, TRPCErrorCode> = {
  INVALID_INPUT: "BAD_REQUEST",
  INSUFFICIENT_FUNDS: "PRECONDITION_FAILED",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  MARKET_HALTED: "PRECONDITION_FAILED",
  LIMIT_REACHED: "PRECONDITION_FAILED",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
  // Not SERVICE_UNAVAILABLE, which promises nothing happened: this may have executed.
  OUTCOME_UNKNOWN: "TIMEOUT",
};

/**
 * The one mapping from domain errors to tRPC errors; null for anything it does not know,
 * which then stays an internal error with a generic message. Add other packages' codes here.
 * A database that is away, timing out or refusing connections is SERVICE_UNAVAILABLE on every
 * procedure (retry later), not an internal error: nothing is wrong with the request.
 *
 * @example
 * const mapped = toTRPCError(new AuthError("RATE_LIMITED", "Too many attempts")); // TOO_MANY_REQUESTS
 */
export function toTRPCError(error: unknown): TRPCError | null {
  if (error instanceof AuthError) {
    return new TRPCError({
      code: AUTH_ERROR_CODES[error.code],
      message: error.message,
      cause: error,
    });
  }
  if (error instanceof ExchangeError) {
    return new TRPCError({
      code: EXCHANGE_ERROR_CODES[error.code],
      message: error.message,
      cause: error,
    });
  }
  if (isDatabaseUnavailable(error)) {
    return new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: "The database is unavailable right now; please retry shortly",
      cause: error,
    });
  }
  return null;
}

/**
 * What a refusal carries besides its message, for the `data` of the error shape (see the
 * `errorFormatter` in trpc.ts): the contract's `reason` and the `field` at fault. A schema
 * failure is INVALID_INPUT with every failing field in `fieldErrors` and the first as `field`.
 *
 * @example
 * errorDetailsOf(error) // { reason: "PRICE_NOT_ON_TICK", field: "price" }
 */
export function errorDetailsOf(error: TRPCError): ErrorDetails {
  const cause = error.cause;
  if (cause instanceof ZodError) {
    const fieldErrors = fieldErrorsOf(cause);
    const [field] = Object.keys(fieldErrors);
    return { reason: "INVALID_INPUT", ...(field ? { field } : {}), fieldErrors };
  }
  if (cause instanceof AuthError) {
    const { reason, field, retryAfterSeconds } = cause;
    return {
      reason,
      ...(field !== undefined ? { field } : {}),
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    };
  }
  if (cause instanceof ExchangeError) {
    // With an unknown outcome, the order's clientOrderId or the command's idempotency key is
    // how the caller finds out, or retries without doing it twice.
    const { reason, field, clientOrderId, idempotencyKey } = cause;
    return {
      reason,
      ...(field !== undefined ? { field } : {}),
      ...(clientOrderId !== undefined ? { clientOrderId } : {}),
      ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
    };
  }
  if (error.code === "SERVICE_UNAVAILABLE") return { reason: "UNAVAILABLE" };
  if (error.code === "TOO_MANY_REQUESTS") return { reason: "RATE_LIMITED" };
  if (error.code === "NOT_FOUND") return { reason: "NOT_FOUND" };
  return {};
}

function fieldErrorsOf(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    // An unknown key is a field that should not be there: name it, not the object holding it.
    const paths =
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => [...issue.path, key])
        : [issue.path];
    for (const path of paths) fields[path.join(".") || "input"] ??= issue.message;
  }
  return fields;
}

/**
 * What a log line needs of an expected failure (a refusal, an unknown outcome, a database that
 * is away): the innermost error's type, code and first line, and no stack. Its stack says
 * nothing the message does not, and repeated thousands of times during an outage it buries
 * the lines that matter. The innermost error is the driver's, which carries no SQL parameters.
 *
 * @example
 * log.warn({ failure: summarizeFailure(error) }, "procedure not served");
 */
export function summarizeFailure(error: unknown): { type: string; code?: string; message: string } {
  const seen = new Set<unknown>();
  let innermost = error;
  while (innermost instanceof Error && innermost.cause instanceof Error && !seen.has(innermost)) {
    seen.add(innermost);
    innermost = innermost.cause;
  }
  if (!(innermost instanceof Error)) return { type: typeof innermost, message: String(innermost) };
  const code = (innermost as { code?: unknown }).code;
  return {
    type: innermost.name,
    ...(typeof code === "string" ? { code } : {}),
    message: innermost.message.split("\n")[0] ?? "",
  };
}
