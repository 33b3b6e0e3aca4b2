import type { RouterOutputs } from "@cryptotrade/api";
import {
  countDecimals,
  formatDecimalGrouped,
  formatDecimalString,
  isZeroDecimal,
  trimDecimal,
} from "@cryptotrade/contract/money";

/** One message of `notifications.onEvents` (an order change, a wallet event, or a resync). */
export type NotificationEvent =
  RouterOutputs["notifications"]["onEvents"] extends AsyncIterable<{ data: infer D }> ? D : never;
type OrderEvent = Extract<NotificationEvent, { kind: "order" }>;
type WalletEvent = Extract<NotificationEvent, { kind: "wallet" }>;
type PriceAlertEvent = Extract<NotificationEvent, { kind: "priceAlert" }>;
type Order = OrderEvent["order"];

/** How a market's amounts are written in a sentence: its assets and the places of its steps. */
export interface MarketWriting {
  baseAsset: string;
  quoteAsset: string;
  quantityDecimals: number;
  priceDecimals: number;
}

/** What the order was, in the words every order notice uses. */
interface OrderFacts {
  orderId: string;
  symbol: string;
  side: "buy" | "sell";
  baseAsset: string;
  quoteAsset: string;
}

/**
 * Something the trader is told of, kept in the notification centre. Amounts are decimal strings
 * already cut to the market's places (point and comma grouping as the app writes them); the
 * words and the viewer's locale are applied when shown (`notice-words.ts`).
 */
export type NoticeFacts =
  | (OrderFacts & { kind: "orderFilled"; quantity: string; averagePrice: string | null })
  | (OrderFacts & { kind: "orderPartlyFilled"; filled: string; quantity: string | null })
  | (OrderFacts & { kind: "orderTriggered"; trigger: TriggerKind; quantity: string | null })
  | (OrderFacts & {
      kind: "orderEnded";
      status: "expired" | "cancelled";
      reason: string | null;
      quantity: string | null;
    })
  | { kind: "withdrawalDecided"; approved: boolean; asset: string; amount: string }
  | {
      kind: "priceAlert";
      alertId: string;
      symbol: string;
      direction: "above" | "below";
      /** The alert's price and the trade's that crossed it, grouped as the app writes them. */
      price: string;
      tradedAt: string;
    };

type TriggerKind = "stop" | "takeProfit" | "trailingStop";

/** A notice as kept: its facts, a unique id, when it arrived and whether it was read. */
export type Notice = NoticeFacts & { id: string; at: number; read: boolean };

/** Exchange reasons an order ends that the trader did not ask for ("user" is their own cancel). */
const EXCHANGE_ENDINGS = new Set([
  "ioc",
  "fok",
  "no_liquidity",
  "quote_budget",
  "self_trade",
  "oco",
]);

/**
 * What one event of the user's stream tells the trader, in order: a trigger, then a fill, then
 * why the exchange ended the rest. A new kind of event (a price alert) is one more case here.
 * Pure: everything it needs is in the event, so a toast needs no fetch.
 *
 * @example
 * noticesOf(event, () => ({ baseAsset: "BTC", quoteAsset: "USDT", quantityDecimals: 4, priceDecimals: 2 }));
 * // [{ kind: "orderFilled", side: "buy", quantity: "0.0100", averagePrice: "62,000.00", ... }]
 */
export function noticesOf(
  event: NotificationEvent,
  writingOf: (symbol: string) => MarketWriting | undefined,
): NoticeFacts[] {
  switch (event.kind) {
    case "order":
      return orderNotices(event, writingOf(event.order.symbol) ?? guessWriting(event.order));
    case "wallet":
      return walletNotices(event);
    case "priceAlert":
      return [priceAlertNotice(event)];
    default:
      return [];
  }
}

function priceAlertNotice({ alert }: PriceAlertEvent): NoticeFacts {
  const grouped = (text: string) => formatDecimalGrouped(text, countDecimals(text));
  return {
    kind: "priceAlert",
    alertId: alert.id,
    symbol: alert.symbol,
    direction: alert.direction,
    price: grouped(alert.price),
    tradedAt: grouped(alert.triggeredPrice ?? alert.price),
  };
}

function orderNotices(event: OrderEvent, writing: MarketWriting): NoticeFacts[] {
  const { order, change } = event;
  const facts: OrderFacts = {
    orderId: order.id,
    symbol: order.symbol,
    side: order.side,
    baseAsset: writing.baseAsset,
    quoteAsset: writing.quoteAsset,
  };
  const quantity = (text: string | null) =>
    text === null ? null : formatDecimalString(text, writing.quantityDecimals);
  const notices: NoticeFacts[] = [];
  const trigger = triggerKindOf(order.type);
  if (change.triggered && trigger) {
    notices.push({
      ...facts,
      kind: "orderTriggered",
      trigger,
      quantity: order.quantity === null ? null : trimDecimal(order.quantity),
    });
  }
  const filledNow = !isZeroDecimal(change.filledQuantity);
  // A market buy by amount that spent its budget is done, not cut short.
  const done =
    order.status === "filled" || (order.status === "expired" && order.reason === "quote_budget");
  if (filledNow && done) {
    notices.push({
      ...facts,
      kind: "orderFilled",
      quantity: quantity(order.filledQuantity) ?? order.filledQuantity,
      averagePrice:
        order.averagePrice === null
          ? null
          : formatDecimalGrouped(order.averagePrice, writing.priceDecimals),
    });
  } else if (filledNow) {
    notices.push({
      ...facts,
      kind: "orderPartlyFilled",
      filled: quantity(order.filledQuantity) ?? order.filledQuantity,
      quantity: quantity(order.quantity),
    });
  }
  const ended = order.status === "expired" || order.status === "cancelled" ? order.status : null;
  if (ended && EXCHANGE_ENDINGS.has(order.reason ?? "") && !(done && filledNow)) {
    notices.push({
      ...facts,
      kind: "orderEnded",
      status: ended,
      reason: order.reason,
      quantity: quantity(order.quantity),
    });
  }
  return notices;
}

function walletNotices(event: WalletEvent): NoticeFacts[] {
  if (event.type !== "withdrawal" || event.status === "pending") return [];
  return [
    {
      kind: "withdrawalDecided",
      approved: event.status === "completed",
      asset: event.asset,
      amount: trimDecimal(event.amount),
    },
  ];
}

function triggerKindOf(type: Order["type"]): TriggerKind | null {
  switch (type) {
    case "stop_limit":
    case "stop_market":
      return "stop";
    case "take_profit_limit":
    case "take_profit_market":
      return "takeProfit";
    case "trailing_stop":
      return "trailingStop";
    default:
      return null;
  }
}

/** A market not (yet) in the list: its assets from the symbol, its amounts as sent. */
function guessWriting(order: Order): MarketWriting {
  const [baseAsset = order.symbol, quoteAsset = ""] = order.symbol.split("-");
  const places = (text: string | null) => (text?.split(".")[1] ?? "").length;
  return {
    baseAsset,
    quoteAsset,
    quantityDecimals: places(order.filledQuantity),
    priceDecimals: places(order.averagePrice ?? order.price),
  };
}
