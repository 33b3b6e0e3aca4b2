/**
 * Every reason the server gives for refusing a call: one closed set, shared by the exchange,
 * the auth package, the api and the web app. A refusal travels as `reason` plus the `field`
 * it concerns (when one input is at fault); the message beside it is a plain sentence for
 * people, and clients act on the reason, never on the words.
 *
 * @example
 * if (error.data?.reason === "PRICE_NOT_ON_TICK") showOn(error.data.field ?? "price");
 */
export const ERROR_REASONS = [
  /** Generic: the input breaks a rule that has no reason of its own (and every schema failure). */
  "INVALID_INPUT",

  // Amounts and the order's shape (field: the amount at fault).
  /** A field this kind of order needs is missing. */
  "FIELD_REQUIRED",
  /** A field this kind of order does not take was given. */
  "FIELD_NOT_ALLOWED",
  /** Not a plain non-negative decimal string such as "1.25". */
  "NOT_A_DECIMAL",
  /** More decimals than the asset or market allows. */
  "TOO_MANY_DECIMALS",
  /** Zero where only a positive amount makes sense. */
  "NOT_POSITIVE",

  // Market rules (the market's filters).
  "PRICE_NOT_ON_TICK",
  "PRICE_ABOVE_MAX",
  /** Further from the last trade price than the market's price band allows. */
  "PRICE_OUT_OF_BAND",
  "QUANTITY_NOT_ON_LOT",
  "QUANTITY_BELOW_MIN",
  "QUANTITY_ABOVE_MAX",
  "BELOW_MIN_NOTIONAL",
  /** Too large for the engine to match exactly. */
  "ORDER_TOO_LARGE",
  "POST_ONLY_WOULD_TAKE",
  "STOP_WOULD_TRIGGER",
  /** A trailing stop needs a last trade price to trail from. */
  "NO_REFERENCE_PRICE",
  /** A market order found nothing on the other side of the book. */
  "NO_LIQUIDITY",
  /** The orders cannot be linked one-cancels-the-other. */
  "INVALID_OCO",
  /** Only an order resting on the book can be amended. */
  "ORDER_NOT_AMENDABLE",
  "UNKNOWN_MARKET",
  "UNKNOWN_ASSET",
  "BELOW_MIN_WITHDRAWAL",

  // The state of the account or the exchange.
  "INSUFFICIENT_BALANCE",
  /** The market is halted: only cancels are accepted. */
  "MARKET_HALTED",
  /** A per-user cap (pending withdrawals, the faucet's daily grant) is used up. */
  "LIMIT_REACHED",
  "MARKET_EXISTS",
  /** The clientOrderId was already used for a different order. */
  "CLIENT_ORDER_ID_REUSED",
  /** The idempotency key was already used for a different request. */
  "IDEMPOTENCY_KEY_REUSED",
  "NOT_FOUND",

  // Availability: whether the call did anything.
  /** Nothing was done (no leader, a refused write, shutting down): safe to retry. */
  "UNAVAILABLE",
  /** The exchange's command queue is full: nothing was done, retry shortly. */
  "EXCHANGE_BUSY",
  /** No answer came: the command may have executed (look it up, or retry with its key). */
  "OUTCOME_UNKNOWN",

  // Accounts and credentials.
  /** Wrong email or password; deliberately the same answer for an unknown email. */
  "INVALID_CREDENTIALS",
  /** The current password, when changing it, is wrong. */
  "WRONG_PASSWORD",
  /** A TOTP or recovery code that is wrong, already used, or replayed. */
  "INVALID_CODE",
  "WEAK_PASSWORD",
  "EMAIL_TAKEN",
  "USERNAME_TAKEN",
  "TOTP_NOT_ENABLED",
  "TOTP_ALREADY_ENABLED",
  "TOTP_SETUP_MISSING",
  /** A two-factor code is needed for this action and none was given. */
  "TOTP_REQUIRED",
  /** The action (a withdrawal) needs two-factor authentication turned on first. */
  "TWO_FACTOR_REQUIRED",
  /** A sensitive change needs the session to have re-authenticated recently. */
  "REAUTHENTICATION_REQUIRED",
  /** Withdrawals wait 24 hours after a password change or 2FA disable. */
  "WITHDRAWALS_HELD",
  /** An admin may not approve their own withdrawal: another admin must review it. */
  "SELF_APPROVAL",
  /** Too many attempts or calls: try again after `retryAfterSeconds`. */
  "RATE_LIMITED",
] as const;

export type ErrorReason = (typeof ERROR_REASONS)[number];

/**
 * True when `value` is one of the reasons, for data that crossed a process boundary.
 *
 * @example
 * isErrorReason(error.data?.reason) // narrows to ErrorReason
 */
export function isErrorReason(value: unknown): value is ErrorReason {
  return (ERROR_REASONS as readonly unknown[]).includes(value);
}

/**
 * What a refusal carries besides its message, in the `data` of a tRPC error. `field` names the
 * input at fault (the first one for a schema failure, whose every failing field is in
 * `fieldErrors`).
 */
export interface ErrorDetails {
  reason?: ErrorReason;
  field?: string;
  fieldErrors?: Record<string, string>;
  /** With RATE_LIMITED: when to try again. */
  retryAfterSeconds?: number;
  /** With OUTCOME_UNKNOWN: how the caller finds out what became of the command. */
  clientOrderId?: string;
  idempotencyKey?: string;
}
