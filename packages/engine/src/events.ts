import type { Side } from "./types";

/**
 * Every reason a command is rejected. A rejected command changes nothing.
 *
 * @example
 * if (RESULT_CODES.includes(code)) console.log("known code", code);
 */
export const RESULT_CODES = [
  "INVALID_COMMAND",
  "UNKNOWN_MARKET",
  "INVALID_ORDER_ID",
  "DUPLICATE_ORDER_ID",
  "UNKNOWN_ORDER",
  "INVALID_USER_ID",
  "INVALID_SIDE",
  "INVALID_ORDER_TYPE",
  "INVALID_TIME_IN_FORCE",
  "INVALID_STP_MODE",
  "FIELD_NOT_ALLOWED",
  "MISSING_FIELD",
  "INVALID_PRICE",
  "INVALID_STOP_PRICE",
  "INVALID_TRAILING_DELTA",
  "INVALID_QUANTITY",
  "INVALID_QUOTE_QUANTITY",
  "NOTIONAL_TOO_LARGE",
  "INVALID_OCO",
  "PRICE_OUT_OF_BAND",
  "STOP_WOULD_TRIGGER_IMMEDIATELY",
  "NO_REFERENCE_PRICE",
  "POST_ONLY_WOULD_TAKE",
  "ORDER_NOT_AMENDABLE",
] as const;

/**
 * A rejection code (see `RESULT_CODES` and the README for what each means).
 *
 * @example
 * const code: ResultCode = "POST_ONLY_WOULD_TAKE";
 */
export type ResultCode = (typeof RESULT_CODES)[number];

/**
 * How an order ended.
 *
 * @example
 * const status: DoneStatus = "expired";
 */
export type DoneStatus = "filled" | "cancelled" | "expired";

/**
 * Why an order ended: filled; cancelled by the user, by self-trade prevention or by its OCO
 * partner; expired as IOC / FOK, for lack of liquidity, or at its quote budget.
 *
 * @example
 * const reason: DoneReason = "self_trade";
 */
export type DoneReason =
  | "filled"
  | "user"
  | "ioc"
  | "fok"
  | "no_liquidity"
  | "quote_budget"
  | "self_trade"
  | "oco";

/**
 * A valid place command was accepted; always the first event of that command.
 *
 * @example
 * // { type: "accepted", market: "BTC-USDT", orderId: 1, userId: 7, status: "open" }
 */
export interface AcceptedEvent {
  type: "accepted";
  market: string;
  orderId: number;
  userId: number;
  status: "open" | "untriggered";
}

/**
 * The command was rejected and changed nothing.
 *
 * @example
 * // { type: "rejected", market: "BTC-USDT", orderId: 1, code: "INVALID_PRICE" }
 */
export interface RejectedEvent {
  type: "rejected";
  market: string;
  orderId: number;
  code: ResultCode;
}

/**
 * A fill between a resting maker and the incoming taker, at the maker's price.
 *
 * @example
 * // { type: "trade", market, price: 100, quantity: 2, makerOrderId: 1, takerOrderId: 2, ... }
 */
export interface TradeEvent {
  type: "trade";
  market: string;
  price: number;
  quantity: number;
  makerOrderId: number;
  takerOrderId: number;
  makerUserId: number;
  takerUserId: number;
  aggressorSide: Side;
}

/**
 * An order that stays live was partly filled (a maker after a fill, or a taker that rests).
 *
 * @example
 * // { type: "orderUpdated", market, orderId: 1, userId: 7, filled: 2, remaining: 3 }
 */
export interface OrderUpdatedEvent {
  type: "orderUpdated";
  market: string;
  orderId: number;
  userId: number;
  filled: number;
  remaining: number;
}

/**
 * A resting order was amended; `priorityKept` says whether it kept its place in the queue.
 *
 * @example
 * // { type: "amended", market, orderId: 1, userId: 7, price: 100, quantity: 3, remaining: 3, priorityKept: true }
 */
export interface AmendedEvent {
  type: "amended";
  market: string;
  orderId: number;
  userId: number;
  price: number;
  quantity: number;
  remaining: number;
  priorityKept: boolean;
}

/**
 * An order ended; exactly one per order, takers that never rested included.
 *
 * @example
 * // { type: "orderDone", market, orderId: 2, userId: 8, filled: 5, remaining: 0, status: "filled", reason: "filled" }
 */
export interface OrderDoneEvent {
  type: "orderDone";
  market: string;
  orderId: number;
  userId: number;
  filled: number;
  remaining: number;
  status: DoneStatus;
  reason: DoneReason;
}

/**
 * A stop, take-profit or trailing order triggered at `lastPrice`; its own matching follows.
 *
 * @example
 * // { type: "stopTriggered", market, orderId: 4, userId: 7, lastPrice: 95 }
 */
export interface StopTriggeredEvent {
  type: "stopTriggered";
  market: string;
  orderId: number;
  userId: number;
  lastPrice: number;
}

/**
 * A trailing stop's watermark moved (the exchange persists it for recovery).
 *
 * @example
 * // { type: "trailingMoved", market, orderId: 5, userId: 7, watermark: 104 }
 */
export interface TrailingMovedEvent {
  type: "trailingMoved";
  market: string;
  orderId: number;
  userId: number;
  watermark: number;
}

/**
 * The new aggregated quantity at one price level (0 = level gone). `sequence` grows by
 * exactly one per bookLevel event of a market, so a gap means a missed diff.
 *
 * @example
 * // { type: "bookLevel", market, side: "buy", price: 100, quantity: 12, sequence: 41 }
 */
export interface BookLevelEvent {
  type: "bookLevel";
  market: string;
  side: Side;
  price: number;
  quantity: number;
  sequence: number;
}

/**
 * Everything `execute` can emit, discriminated on `type`.
 *
 * @example
 * for (const event of engine.execute(command)) {
 *   if (event.type === "trade") console.log(event.price, event.quantity);
 * }
 */
export type EngineEvent =
  | AcceptedEvent
  | RejectedEvent
  | TradeEvent
  | OrderUpdatedEvent
  | AmendedEvent
  | OrderDoneEvent
  | StopTriggeredEvent
  | TrailingMovedEvent
  | BookLevelEvent;
