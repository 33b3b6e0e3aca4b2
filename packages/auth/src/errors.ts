/**
 * Why an auth operation was refused. The api package maps each code to one tRPC error code
 * (see `toTRPCError` there); the message is written for the person at the keyboard.
 */
export type AuthErrorCode =
  /** Wrong email or password; deliberately the same answer for an unknown email. */
  | "INVALID_CREDENTIALS"
  /** The current password, when changing it, is wrong (the caller is signed in, so not UNAUTHORIZED). */
  | "WRONG_PASSWORD"
  /** A TOTP or recovery code that is wrong, already used, or replayed. */
  | "INVALID_CODE"
  | "WEAK_PASSWORD"
  | "EMAIL_TAKEN"
  | "USERNAME_TAKEN"
  | "TOTP_NOT_ENABLED"
  | "TOTP_ALREADY_ENABLED"
  | "TOTP_SETUP_MISSING"
  /** A two-factor code is needed for this action and none was given. */
  | "TOTP_REQUIRED"
  /** The action (a withdrawal) needs two-factor authentication turned on first. */
  | "TWO_FACTOR_REQUIRED"
  | "NOT_FOUND"
  /**
   * A sensitive account change (2FA, API keys, recovery codes, password) needs the session to
   * have re-authenticated recently (`auth.reauthenticate`); clients show a "confirm access" step.
   */
  | "REAUTHENTICATION_REQUIRED"
  /** Withdrawals wait 24 hours after a password change or 2FA disable. */
  | "WITHDRAWALS_HELD"
  | "RATE_LIMITED";

/**
 * The one error class of the auth package.
 *
 * @example
 * throw new AuthError("RATE_LIMITED", "Too many attempts; try again later", { retryAfterSeconds: 60 });
 */
export class AuthError extends Error {
  override name = "AuthError";
  readonly code: AuthErrorCode;
  /** For RATE_LIMITED: when the caller may try again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: AuthErrorCode, message: string, options?: { retryAfterSeconds?: number }) {
    super(message);
    this.code = code;
    this.retryAfterSeconds = options?.retryAfterSeconds;
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
