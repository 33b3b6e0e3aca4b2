import type { OrderView } from "./orders-cache";

const TYPE_NAMES: Record<OrderView["type"], string> = {
  limit: "Limit",
  market: "Market",
  stop_limit: "Stop-limit",
  stop_market: "Stop-market",
  take_profit_limit: "Take-profit limit",
  take_profit_market: "Take-profit market",
  trailing_stop: "Trailing stop",
};

/** The order type as people write it. */
export function typeName(type: OrderView["type"]): string {
  return TYPE_NAMES[type];
}

/** "partially_filled" → "Partially filled". */
export function statusName(status: string): string {
  const words = status.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Why an order ended, as people say it; "filled" and "user" need no words. */
const REASON_WORDS: Record<string, string> = {
  ioc: "not filled at once",
  fok: "could not fill in full",
  no_liquidity: "no more orders to match",
  self_trade: "would have traded with your own order",
  oco: "its pair filled",
};

/**
 * An order's status and why it ended, for people. A market order by amount of quote that
 * spent its budget (as far as whole lots go) ended as the engine's "expired, quote_budget":
 * it did all it could, so it reads "Filled", as the Binance API reports it (FILLED).
 *
 * @example
 * orderStatus({ status: "expired", reason: "quote_budget" }); // { status: "Filled", reason: null }
 * orderStatus({ status: "cancelled", reason: "oco" }); // { status: "Cancelled", reason: "its pair filled" }
 */
export function orderStatus(order: Pick<OrderView, "status" | "reason">): {
  status: string;
  reason: string | null;
} {
  if (order.status === "expired" && order.reason === "quote_budget") {
    return { status: "Filled", reason: null };
  }
  const reason = order.reason ? (REASON_WORDS[order.reason] ?? null) : null;
  return { status: statusName(order.status), reason: order.status === "filled" ? null : reason };
}

/** A decimal string cut to `shown` digits after the point (never rounded up), or "—". */
export function shown(text: string | null, shownDecimals: number): string {
  if (text === null) return "—";
  const point = text.indexOf(".");
  if (point === -1) return shownDecimals > 0 ? `${text}.${"0".repeat(shownDecimals)}` : text;
  const fraction = text.slice(point + 1, point + 1 + shownDecimals).padEnd(shownDecimals, "0");
  return shownDecimals > 0 ? `${text.slice(0, point)}.${fraction}` : text.slice(0, point);
}
