/** What went wrong, in terms the API maps to its error codes in one place. */
export type ExchangeErrorCode =
  | "INVALID_INPUT"
  | "INSUFFICIENT_FUNDS"
  | "NOT_FOUND"
  | "CONFLICT"
  | "MARKET_HALTED"
  /** A per-user cap (pending withdrawals, the faucet's daily grant) is used up. */
  | "LIMIT_REACHED"
  | "UNAVAILABLE";

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
  ) {
    super(message);
  }
}

export function invalidInput(field: string, message: string): ExchangeError {
  return new ExchangeError("INVALID_INPUT", `${field}: ${message}`, field);
}
