import type { RouterOutputs } from "@cryptotrade/api";
import { z } from "zod";
import { zeroLike } from "./decimals";
import { toBinanceSymbol } from "./symbols";

/** An order as the procedures answer it (`orders.get`, `orders.place`). */
export type OrderView = RouterOutputs["orders"]["get"];
/** One of the user's fills as `orders.fills` answers it. */
export type FillView = RouterOutputs["orders"]["fills"]["items"][number];

/** Binance's order vocabulary (rest-api.md, "ENUM definitions"). */
export const BINANCE_ORDER_STATUSES = [
  "NEW",
  "PARTIALLY_FILLED",
  "FILLED",
  "CANCELED",
  "EXPIRED",
  "EXPIRED_IN_MATCH",
  "REJECTED",
] as const;
export const BINANCE_ORDER_TYPES = [
  "LIMIT",
  "MARKET",
  "LIMIT_MAKER",
  "STOP_LOSS",
  "STOP_LOSS_LIMIT",
  "TAKE_PROFIT",
  "TAKE_PROFIT_LIMIT",
] as const;
export const BINANCE_SIDES = ["BUY", "SELL"] as const;
export const BINANCE_TIME_IN_FORCE = ["GTC", "IOC", "FOK"] as const;
export const BINANCE_STP_MODES = [
  "NONE",
  "EXPIRE_TAKER",
  "EXPIRE_MAKER",
  "EXPIRE_BOTH",
  "DECREMENT",
  "TRANSFER",
] as const;

type BinanceOrderStatus = (typeof BINANCE_ORDER_STATUSES)[number];
export type BinanceOrderType = (typeof BINANCE_ORDER_TYPES)[number];
export type BinanceStpMode = (typeof BINANCE_STP_MODES)[number];

/** Our self-trade prevention modes by Binance's names (the ones exchangeInfo lists). */
export const STP_FROM_BINANCE: Partial<Record<BinanceStpMode, OrderView["stp"]>> = {
  EXPIRE_TAKER: "cancel_newest",
  EXPIRE_MAKER: "cancel_oldest",
  EXPIRE_BOTH: "cancel_both",
};
export const STP_TO_BINANCE: Record<OrderView["stp"], BinanceStpMode> = {
  cancel_newest: "EXPIRE_TAKER",
  cancel_oldest: "EXPIRE_MAKER",
  cancel_both: "EXPIRE_BOTH",
};

/**
 * An order's status in Binance's words. An untriggered stop is NEW (with `isWorking: false`,
 * as Binance shows it); an order ended by self-trade prevention is EXPIRED_IN_MATCH.
 */
export function toBinanceStatus(order: Pick<OrderView, "status" | "reason">): BinanceOrderStatus {
  switch (order.status) {
    case "untriggered":
    case "open":
      return "NEW";
    case "partially_filled":
      return "PARTIALLY_FILLED";
    case "filled":
      return "FILLED";
    case "cancelled":
      return order.reason === "self_trade" ? "EXPIRED_IN_MATCH" : "CANCELED";
    case "expired":
      // A market order by quote amount that spent its budget, as far as whole lots go, is
      // FILLED on Binance; the engine ends it as expired with the reason quote_budget.
      if (order.reason === "quote_budget") return "FILLED";
      return order.reason === "self_trade" ? "EXPIRED_IN_MATCH" : "EXPIRED";
    case "rejected":
      return "REJECTED";
  }
}

/** An order's type in Binance's words: a post-only limit is LIMIT_MAKER, a trailing stop STOP_LOSS. */
export function toBinanceType(order: Pick<OrderView, "type" | "postOnly">): BinanceOrderType {
  switch (order.type) {
    case "limit":
      return order.postOnly ? "LIMIT_MAKER" : "LIMIT";
    case "market":
      return "MARKET";
    case "stop_limit":
      return "STOP_LOSS_LIMIT";
    case "take_profit_limit":
      return "TAKE_PROFIT_LIMIT";
    case "take_profit_market":
      return "TAKE_PROFIT";
    case "stop_market":
    case "trailing_stop":
      return "STOP_LOSS";
  }
}

/** Milliseconds since the epoch of a time the procedures answer (a Date, or its JSON string). */
export function epochMillis(time: Date | string): number {
  return new Date(time).getTime();
}

const Decimal = z.string().meta({ description: "A decimal written with the asset's decimals." });

/** An order as `GET /api/v3/order` answers it. */
export const BinanceOrder = z.object({
  symbol: z.string(),
  orderId: z.number().int(),
  orderListId: z.number().int().meta({ description: "-1 unless the order is one of an OCO." }),
  clientOrderId: z.string(),
  price: Decimal,
  origQty: Decimal,
  executedQty: Decimal,
  cummulativeQuoteQty: Decimal.meta({
    description: "Quote spent or received (Binance's spelling).",
  }),
  status: z.enum(BINANCE_ORDER_STATUSES),
  timeInForce: z.enum(BINANCE_TIME_IN_FORCE),
  type: z.enum(BINANCE_ORDER_TYPES),
  side: z.enum(BINANCE_SIDES),
  stopPrice: Decimal,
  icebergQty: Decimal,
  time: z.number().int(),
  updateTime: z.number().int(),
  isWorking: z.boolean().meta({ description: "false while a stop order waits for its trigger." }),
  workingTime: z.number().int(),
  origQuoteOrderQty: Decimal,
  selfTradePreventionMode: z.enum(BINANCE_STP_MODES),
});
export type BinanceOrder = z.infer<typeof BinanceOrder>;

/**
 * An order in Binance's shape. Our ids are decimal strings of safe integers, Binance's numbers;
 * an order placed without a clientOrderId (only possible over tRPC) shows "". An OCO leg's
 * `orderListId` is the lower of the two orders' ids, so both legs name the same list.
 *
 * @example
 * toBinanceOrder(await procedures.orders.get({ orderId: "7" }));
 * // { symbol: "BTCUSDT", orderId: 7, status: "NEW", type: "LIMIT", side: "BUY", ... }
 */
export function toBinanceOrder(order: OrderView): BinanceOrder {
  const baseZero = zeroLike(order.filledQuantity);
  const quoteZero = zeroLike(order.filledQuote);
  const time = epochMillis(order.createdAt);
  const isWorking = order.status !== "untriggered";
  return {
    symbol: toBinanceSymbol(order.symbol),
    orderId: Number(order.id),
    orderListId: orderListIdOf(order),
    clientOrderId: order.clientOrderId ?? "",
    price: order.price ?? quoteZero,
    // A market order by quote amount has no quantity of its own: what it bought is its size.
    origQty: order.quantity ?? order.filledQuantity,
    executedQty: order.filledQuantity,
    cummulativeQuoteQty: order.filledQuote,
    status: toBinanceStatus(order),
    timeInForce: order.timeInForce,
    type: toBinanceType(order),
    side: order.side === "buy" ? "BUY" : "SELL",
    stopPrice: order.stopPrice ?? quoteZero,
    icebergQty: baseZero,
    time,
    updateTime: epochMillis(order.updatedAt),
    isWorking,
    workingTime: isWorking ? time : -1,
    origQuoteOrderQty: order.quoteQuantity ?? quoteZero,
    selfTradePreventionMode: STP_TO_BINANCE[order.stp],
  };
}

/** The order list an OCO leg belongs to: named by its lower order id; -1 for a lone order. */
export function orderListIdOf(order: Pick<OrderView, "id" | "ocoOrderId">): number {
  if (order.ocoOrderId === null) return -1;
  return Math.min(Number(order.id), Number(order.ocoOrderId));
}

/** A trade of the account as `GET /api/v3/myTrades` answers it. */
export const BinanceAccountTrade = z.object({
  symbol: z.string(),
  id: z.number().int(),
  orderId: z.number().int(),
  orderListId: z.number().int(),
  price: Decimal,
  qty: Decimal,
  quoteQty: Decimal,
  commission: Decimal.meta({ description: "The fee this side paid, in commissionAsset." }),
  commissionAsset: z.string(),
  time: z.number().int(),
  isBuyer: z.boolean(),
  isMaker: z.boolean(),
  isBestMatch: z.boolean(),
});

/**
 * One of the account's fills in Binance's shape: the fee is the one this side paid, always in
 * the quote asset here (Binance takes a buyer's fee in the base asset).
 *
 * @example
 * toBinanceTrade(fill, -1); // { symbol: "BTCUSDT", id: 3, isBuyer: true, isMaker: false, commissionAsset: "USDT", ... }
 */
export function toBinanceTrade(fill: FillView, orderListId: number) {
  return {
    symbol: toBinanceSymbol(fill.symbol),
    id: Number(fill.id),
    orderId: Number(fill.orderId),
    orderListId,
    price: fill.price,
    qty: fill.quantity,
    quoteQty: fill.quoteQuantity,
    commission: fill.fee,
    commissionAsset: fill.feeAsset,
    time: epochMillis(fill.time),
    isBuyer: fill.side === "buy",
    isMaker: fill.liquidity === "maker",
    isBestMatch: true,
  };
}
