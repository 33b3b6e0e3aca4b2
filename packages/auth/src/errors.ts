import type { ErrorReason } from "@cryptotrade/contract/errors";

/**
 * Why an auth operation was refused: the contract's reasons this package gives. The api maps
 * each to one tRPC error code (see `toTRPCError` there); the message is written for the person
 * at the keyboard. See `ERROR_REASONS` for what each means.
 */
export type AuthErrorCode = Extract<
  ErrorReason,
  | "INVALID_INPUT"
  | "INVALID_CREDENTIALS"
  | "WRONG_PASSWORD"
  | "INVALID_CODE"
  | "WEAK_PASSWORD"
  | "EMAIL_TAKEN"
  | "USERNAME_TAKEN"
  | "TOTP_NOT_ENABLED"
  | "TOTP_ALREADY_ENABLED"
  | "TOTP_SETUP_MISSING"
  | "TOTP_REQUIRED"
  | "TWO_FACTOR_REQUIRED"
  | "NOT_FOUND"
  | "REAUTHENTICATION_REQUIRED"
  | "WITHDRAWALS_HELD"
  | "SELF_APPROVAL"
  | "RATE_LIMITED"
>;

/**
 * The one error class of the auth package: its code is its reason, and `field` names the
 * input at fault when one is.
 *
 * @example
 * throw new AuthError("EMAIL_TAKEN", "An account with this email already exists", { field: "email" });
 */
export class AuthError extends Error {
  override name = "AuthError";
  readonly code: AuthErrorCode;
  /** The input at fault (`email`, `code`, ...), when one is. */
  readonly field: string | undefined;
  /** For RATE_LIMITED: when the caller may try again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: AuthErrorCode,
    message: string,
    options?: { field?: string; retryAfterSeconds?: number },
  ) {
    super(message);
    this.code = code;
    this.field = options?.field;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }

  /** The contract's reason, which for this package is its code. */
  get reason(): ErrorReason {
    return this.code;
  }
}

/** True when a database error is a unique-constraint violation (PostgreSQL code 23505). */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  // drizzle wraps the driver's error; pg and PGlite both carry `code` and `constraint`.
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const fields = current as Error & { code?: unknown; constraint?: unknown };
    if (fields.code === "23505") return fields.constraint === constraint;
  }
  return false;
}
