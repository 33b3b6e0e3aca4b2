import { formatDecimal } from "@cryptotrade/contract/money";
import type { MarketInfo } from "./markets";
import type { OrderRecord, TradeRecord, TransactionRecord } from "./records";

/** How orders, trades and transactions look at the API: ids and amounts as strings. */
export function toOrderView(order: OrderRecord, market: MarketInfo) {
  const base = (value: bigint | null) =>
    value === null ? null : formatDecimal(value, market.baseDecimals);
  const quote = (value: bigint | null) =>
    value === null ? null : formatDecimal(value, market.quoteDecimals);
  const averagePrice =
    order.filledQuantity > 0n
      ? (order.filledQuote * 10n ** BigInt(market.baseDecimals)) / order.filledQuantity
      : null;
  return {
    id: String(order.id),
    clientOrderId: order.clientOrderId,
    symbol: order.market,
    side: order.side,
    type: order.type,
    status: order.status,
    reason: order.reason,
    timeInForce: order.timeInForce,
    postOnly: order.postOnly,
    stp: order.stp,
    price: quote(order.price),
    stopPrice: quote(order.stopPrice),
    trailingDelta: quote(order.trailingDelta),
    trailingTrigger: quote(trailingTriggerOf(order, market)),
    quantity: base(order.quantity),
    quoteQuantity: quote(order.quoteQuantity),
    filledQuantity: formatDecimal(order.filledQuantity, market.baseDecimals),
    filledQuote: formatDecimal(order.filledQuote, market.quoteDecimals),
    averagePrice: quote(averagePrice),
    fee: formatDecimal(order.feePaid, market.quoteDecimals),
    feeAsset: market.quoteAsset,
    ocoOrderId: order.ocoOrderId === null ? null : String(order.ocoOrderId),
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
  };
}

export type OrderView = ReturnType<typeof toOrderView>;

/**
 * The last price at which a waiting trailing stop fires now: its watermark (the highest last
 * price since placement for a sell, the lowest for a buy) less or plus its delta. It moves with
 * the price; every move is an order update (`trailingMoved`), so pushed views carry it too.
 */
function trailingTriggerOf(order: OrderRecord, market: MarketInfo): bigint | null {
  const ticks = order.engineState?.watermark;
  if (order.type !== "trailing_stop" || order.status !== "untriggered") return null;
  if (ticks === undefined || order.trailingDelta === null) return null;
  const watermark = BigInt(ticks) * market.tickSize;
  return order.side === "sell" ? watermark - order.trailingDelta : watermark + order.trailingDelta;
}

/** A public trade: no order or user ids. */
export function toPublicTradeView(trade: TradeRecord, market: MarketInfo) {
  return {
    id: String(trade.id),
    symbol: trade.market,
    price: formatDecimal(trade.price, market.quoteDecimals),
    quantity: formatDecimal(trade.quantity, market.baseDecimals),
    quoteQuantity: formatDecimal(trade.quoteQuantity, market.quoteDecimals),
    takerSide: trade.takerSide,
    time: trade.createdAt,
  };
}

/** One of the user's fills, from their side of the trade. */
export function toFillView(trade: TradeRecord, market: MarketInfo, userId: number) {
  const maker = trade.makerUserId === userId;
  const side = maker ? (trade.takerSide === "buy" ? "sell" : "buy") : trade.takerSide;
  return {
    ...toPublicTradeView(trade, market),
    orderId: String(maker ? trade.makerOrderId : trade.takerOrderId),
    side,
    liquidity: maker ? ("maker" as const) : ("taker" as const),
    fee: formatDecimal(maker ? trade.makerFee : trade.takerFee, market.quoteDecimals),
    feeAsset: market.quoteAsset,
  };
}

export type FillView = ReturnType<typeof toFillView>;

export function toTransactionView(transaction: TransactionRecord, decimals: number) {
  return {
    id: String(transaction.id),
    type: transaction.type,
    asset: transaction.asset,
    amount: formatDecimal(transaction.amount, decimals),
    /** A withdrawal's fee, paid on top of `amount` (zero for deposits). */
    fee: formatDecimal(transaction.fee, decimals),
    status: transaction.status,
    address: transaction.address,
    note: transaction.note,
    createdAt: transaction.createdAt,
    updatedAt: transaction.updatedAt,
  };
}
