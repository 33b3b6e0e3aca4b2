import { errorDetailsOf } from "@cryptotrade/api";
import type { ErrorDetails, ErrorReason } from "@cryptotrade/contract/errors";
import { TRPCError } from "@trpc/server";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** A refusal as Binance writes it: `{"code":-1121,"msg":"Invalid symbol."}` with its HTTP status. */
export interface BinanceRefusal {
  code: number;
  msg: string;
  status: ContentfulStatusCode;
}

/**
 * A refusal this surface raises itself (a parameter Binance reads that the procedures do not,
 * an unknown path); the app's error handler answers it as Binance does.
 */
export class BinanceError extends Error {
  constructor(
    readonly code: number,
    readonly msg: string,
    readonly status: ContentfulStatusCode = 400,
  ) {
    super(msg);
    this.name = "BinanceError";
  }
}

const refusal = (code: number, msg: string, status: ContentfulStatusCode = 400) => ({
  code,
  msg,
  status,
});

const MALFORMED = refusal(
  -1102,
  "A mandatory parameter was not sent, was empty/null, or malformed.",
);
const REJECTED_KEY = refusal(-2015, "Invalid API-key, IP, or permissions for action.", 401);
const NOT_AUTHORIZED = refusal(-1002, "You are not authorized to execute this request.", 401);
const filterFailure = (filter: string) => refusal(-1013, `Filter failure: ${filter}`);
const orderRejected = (msg: string) => refusal(-2010, msg);

/**
 * Every reason the procedures refuse with, as Binance's code, message and HTTP status (Binance's
 * errors.md). A `Record` over the contract's closed set, so a new reason does not compile until
 * it has a Binance answer. Messages are Binance's own where one exists: bots match on them.
 */
const BY_REASON: Record<ErrorReason, BinanceRefusal> = {
  INVALID_INPUT: MALFORMED,
  FIELD_REQUIRED: MALFORMED,
  FIELD_NOT_ALLOWED: refusal(-1106, "A parameter was sent when not required."),
  NOT_A_DECIMAL: refusal(-1100, "Illegal characters found in a parameter."),
  TOO_MANY_DECIMALS: refusal(-1111, "Parameter has too much precision."),
  NOT_POSITIVE: MALFORMED,
  PRICE_NOT_ON_TICK: filterFailure("PRICE_FILTER"),
  PRICE_ABOVE_MAX: filterFailure("PRICE_FILTER"),
  PRICE_OUT_OF_BAND: filterFailure("PERCENT_PRICE"),
  QUANTITY_NOT_ON_LOT: filterFailure("LOT_SIZE"),
  QUANTITY_BELOW_MIN: filterFailure("LOT_SIZE"),
  QUANTITY_ABOVE_MAX: filterFailure("LOT_SIZE"),
  BELOW_MIN_NOTIONAL: filterFailure("NOTIONAL"),
  ORDER_TOO_LARGE: filterFailure("NOTIONAL"),
  POST_ONLY_WOULD_TAKE: orderRejected("Order would immediately match and take."),
  STOP_WOULD_TRIGGER: orderRejected("Order would trigger immediately."),
  NO_REFERENCE_PRICE: refusal(-2043, "This symbol doesn't have a reference price."),
  NO_LIQUIDITY: orderRejected("Order book liquidity is less than symbol minimum quantity."),
  INVALID_OCO: orderRejected("The relationship of the prices for the orders is not correct."),
  ORDER_NOT_AMENDABLE: refusal(-2038, "The requested action would change no state; rejecting"),
  UNKNOWN_MARKET: refusal(-1121, "Invalid symbol."),
  UNKNOWN_ASSET: MALFORMED,
  BELOW_MIN_WITHDRAWAL: MALFORMED,
  INSUFFICIENT_BALANCE: orderRejected("Account has insufficient balance for requested action."),
  MARKET_HALTED: orderRejected("Market is closed."),
  LIMIT_REACHED: orderRejected("This action is disabled on this account."),
  MARKET_EXISTS: MALFORMED,
  CLIENT_ORDER_ID_REUSED: orderRejected("Duplicate order sent."),
  IDEMPOTENCY_KEY_REUSED: orderRejected("Duplicate order sent."),
  NOT_FOUND: refusal(-2013, "Order does not exist."),
  UNAVAILABLE: refusal(
    -1001,
    "Internal error; unable to process your request. Please try again.",
    503,
  ),
  EXCHANGE_BUSY: refusal(
    -1008,
    "Server is currently overloaded with other requests. Please try again in a few minutes.",
    503,
  ),
  OUTCOME_UNKNOWN: refusal(
    -1007,
    "Timeout waiting for response from backend server. Send status unknown; execution status unknown.",
    503,
  ),
  INVALID_CREDENTIALS: REJECTED_KEY,
  WRONG_PASSWORD: NOT_AUTHORIZED,
  INVALID_CODE: NOT_AUTHORIZED,
  WEAK_PASSWORD: MALFORMED,
  EMAIL_TAKEN: MALFORMED,
  USERNAME_TAKEN: MALFORMED,
  TOTP_NOT_ENABLED: NOT_AUTHORIZED,
  TOTP_ALREADY_ENABLED: NOT_AUTHORIZED,
  TOTP_SETUP_MISSING: NOT_AUTHORIZED,
  TOTP_REQUIRED: NOT_AUTHORIZED,
  TWO_FACTOR_REQUIRED: NOT_AUTHORIZED,
  REAUTHENTICATION_REQUIRED: NOT_AUTHORIZED,
  WITHDRAWALS_HELD: NOT_AUTHORIZED,
  SELF_APPROVAL: NOT_AUTHORIZED,
  RATE_LIMITED: refusal(-1003, "Too much request weight used; please back off.", 429),
};

/** A tRPC refusal that carries no reason of the contract's, by its code alone. */
const BY_TRPC_CODE: Partial<Record<TRPCError["code"], BinanceRefusal>> = {
  BAD_REQUEST: MALFORMED,
  PARSE_ERROR: MALFORMED,
  UNAUTHORIZED: REJECTED_KEY,
  FORBIDDEN: REJECTED_KEY,
  TOO_MANY_REQUESTS: BY_REASON.RATE_LIMITED,
  SERVICE_UNAVAILABLE: BY_REASON.UNAVAILABLE,
  TIMEOUT: BY_REASON.OUTCOME_UNKNOWN,
};

const UNKNOWN = refusal(-1000, "An unknown error occurred while processing the request.", 500);

/** What the HTTP answer to a failed request carries: Binance's body and status, and when to retry. */
export interface BinanceAnswer extends BinanceRefusal {
  retryAfterSeconds?: number;
}

/**
 * The one mapping from a failure on this surface to Binance's answer: this surface's own
 * `BinanceError`, a procedure's refusal by its contract reason (then its tRPC code), and
 * anything else as -1000 with status 500. A malformed parameter is named as Binance names it.
 *
 * @example
 * binanceAnswerOf(new TRPCError({ code: "NOT_FOUND", cause: exchangeErrorFor("UNKNOWN_MARKET") }))
 * // { code: -1121, msg: "Invalid symbol.", status: 400 }
 */
export function binanceAnswerOf(error: unknown): BinanceAnswer {
  if (error instanceof BinanceError) {
    return { code: error.code, msg: error.msg, status: error.status };
  }
  if (!(error instanceof TRPCError)) return UNKNOWN;
  const details: ErrorDetails = errorDetailsOf(error);
  const known = details.reason ? BY_REASON[details.reason] : BY_TRPC_CODE[error.code];
  const answer = known ?? UNKNOWN;
  const msg =
    details.field && answer === MALFORMED
      ? `Mandatory parameter '${details.field}' was not sent, was empty/null, or malformed.`
      : answer.msg;
  return {
    ...answer,
    msg,
    ...(details.retryAfterSeconds !== undefined
      ? { retryAfterSeconds: details.retryAfterSeconds }
      : {}),
  };
}

/**
 * A contract reason as Binance's refusal, for a rule this surface checks itself with the
 * contract's market rules (`POST /api/v3/order/test`), answered as the procedures' would be.
 *
 * @example
 * refusalForReason("PRICE_NOT_ON_TICK") // BinanceError -1013 "Filter failure: PRICE_FILTER"
 */
export function refusalForReason(reason: ErrorReason): BinanceError {
  const { code, msg, status } = BY_REASON[reason];
  return new BinanceError(code, msg, status);
}
