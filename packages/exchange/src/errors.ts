import type { ErrorReason } from "@cryptotrade/contract/errors";

/**
 * What kind of failure, which the API maps to a status; `reason` (from the contract's closed
 * set) says exactly what went wrong.
 */
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

/** Besides the message: the exact reason, the input at fault, and how to look the command up. */
export interface ErrorDetails extends OutcomeLookup {
  /** Defaults to the reason named like the code (`INSUFFICIENT_FUNDS`: `INSUFFICIENT_BALANCE`). */
  reason?: ErrorReason;
  field?: string;
}

// The reason a code gives when the throw site names none.
const DEFAULT_REASONS: Record<ExchangeErrorCode, ErrorReason> = {
  INVALID_INPUT: "INVALID_INPUT",
  INSUFFICIENT_FUNDS: "INSUFFICIENT_BALANCE",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "INVALID_INPUT",
  MARKET_HALTED: "MARKET_HALTED",
  LIMIT_REACHED: "LIMIT_REACHED",
  UNAVAILABLE: "UNAVAILABLE",
  OUTCOME_UNKNOWN: "OUTCOME_UNKNOWN",
};

/**
 * The exchange's one error class for expected outcomes: a plain sentence for people, the
 * `reason` clients act on, and the `field` at fault when one input is.
 *
 * @example
 * throw new ExchangeError("INVALID_INPUT", "Price must be a multiple of the tick size 0.01", {
 *   reason: "PRICE_NOT_ON_TICK",
 *   field: "price",
 * });
 */
export class ExchangeError extends Error {
  override name = "ExchangeError";
  readonly reason: ErrorReason;
  readonly field?: string;
  /** The order's clientOrderId, when the outcome is unknown: look it up, or retry with it. */
  readonly clientOrderId?: string;
  /** The command's idempotency key, when the outcome is unknown: retry with it. */
  readonly idempotencyKey?: string;
  constructor(
    readonly code: ExchangeErrorCode,
    message: string,
    details: ErrorDetails = {},
  ) {
    super(message);
    this.reason = details.reason ?? DEFAULT_REASONS[code];
    this.field = details.field;
    this.clientOrderId = details.clientOrderId;
    this.idempotencyKey = details.idempotencyKey;
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
    lookup,
  );
}

/**
 * The refusal of one input: `reason` says which rule it breaks, `message` is a whole sentence.
 *
 * @example
 * throw invalidInput("BELOW_MIN_WITHDRAWAL", "amount", "The amount is below the minimum withdrawal of 10 USDT");
 */
/** The refusal of a symbol that names no market. */
export function unknownMarket(symbol: string): ExchangeError {
  return new ExchangeError("NOT_FOUND", `There is no market ${symbol}`, {
    reason: "UNKNOWN_MARKET",
    field: "symbol",
  });
}

export function invalidInput(reason: ErrorReason, field: string, message: string): ExchangeError {
  return new ExchangeError("INVALID_INPUT", message, { reason, field });
}
