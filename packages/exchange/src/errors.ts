/** What went wrong, in terms the API maps to its error codes in one place. */
export type ExchangeErrorCode =
  | "INVALID_INPUT"
  | "INSUFFICIENT_FUNDS"
  | "NOT_FOUND"
  | "CONFLICT"
  | "MARKET_HALTED"
  /** A per-user cap (pending withdrawals, the faucet's daily grant) is used up. */
  | "LIMIT_REACHED"
  /** Nothing was done (no leader, a refused write, shutting down): safe to retry. */
  | "UNAVAILABLE"
  /** The command was handed on but no answer came: it may have executed. */
  | "OUTCOME_UNKNOWN";

/**
 * The exchange's one error class for expected outcomes; `field` names the input at fault.
 *
 * @example
 * throw new ExchangeError("INVALID_INPUT", "price is not a multiple of the tick size 0.01", "price");
 */
export class ExchangeError extends Error {
  override name = "ExchangeError";
  constructor(
    readonly code: ExchangeErrorCode,
    message: string,
    readonly field?: string,
    /** The order's clientOrderId, when the outcome is unknown: look it up, or retry with it. */
    readonly clientOrderId?: string,
  ) {
    super(message);
  }
}

/**
 * A write refused because this process no longer holds the leadership epoch (a newer leader
 * took over): nothing was written. A forwarded command that meets it is left to the new
 * leader to answer.
 */
export class NotLeaderError extends ExchangeError {
  override name = "NotLeaderError";
  constructor() {
    super(
      "UNAVAILABLE",
      "This process no longer leads the exchange; nothing was done, please retry",
    );
  }
}

/** The error for a forwarded command whose answer never came (see `OUTCOME_UNKNOWN`). */
export function outcomeUnknown(clientOrderId?: string): ExchangeError {
  const lookUp = clientOrderId
    ? `look it up by clientOrderId ${clientOrderId}, or retry with the same clientOrderId`
    : "check its effect before retrying";
  return new ExchangeError(
    "OUTCOME_UNKNOWN",
    `The exchange did not answer in time, so this may have executed: ${lookUp}`,
    undefined,
    clientOrderId,
  );
}

export function invalidInput(field: string, message: string): ExchangeError {
  return new ExchangeError("INVALID_INPUT", `${field}: ${message}`, field);
}
