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
  /**
   * No answer came for the command (a forwarded one, or a batch whose commit could not be
   * confirmed): it may have executed.
   */
  | "OUTCOME_UNKNOWN";

/** How to find out what became of a command whose outcome is unknown, or retry it safely. */
export interface OutcomeLookup {
  clientOrderId?: string;
  idempotencyKey?: string;
}

/**
 * The exchange's one error class for expected outcomes; `field` names the input at fault.
 *
 * @example
 * throw new ExchangeError("INVALID_INPUT", "price is not a multiple of the tick size 0.01", "price");
 */
export class ExchangeError extends Error {
  override name = "ExchangeError";
  /** The order's clientOrderId, when the outcome is unknown: look it up, or retry with it. */
  readonly clientOrderId?: string;
  /** The command's idempotency key, when the outcome is unknown: retry with it. */
  readonly idempotencyKey?: string;
  constructor(
    readonly code: ExchangeErrorCode,
    message: string,
    readonly field?: string,
    lookup: OutcomeLookup = {},
  ) {
    super(message);
    this.clientOrderId = lookup.clientOrderId;
    this.idempotencyKey = lookup.idempotencyKey;
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

/**
 * The error for a command whose answer never came, or whose batch could not be confirmed
 * committed or not (see `OUTCOME_UNKNOWN`): never "nothing was done".
 */
export function outcomeUnknown(lookup: OutcomeLookup = {}): ExchangeError {
  const { clientOrderId, idempotencyKey } = lookup;
  const lookUp = clientOrderId
    ? `look it up by clientOrderId ${clientOrderId}, or retry with the same clientOrderId`
    : idempotencyKey
      ? `retry with the same idempotencyKey ${idempotencyKey}, which cannot apply it twice`
      : "check its effect before retrying";
  return new ExchangeError(
    "OUTCOME_UNKNOWN",
    `The exchange could not confirm this, so it may have executed: ${lookUp}`,
    undefined,
    lookup,
  );
}

export function invalidInput(field: string, message: string): ExchangeError {
  return new ExchangeError("INVALID_INPUT", `${field}: ${message}`, field);
}
