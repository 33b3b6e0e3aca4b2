import type { OrderView } from "./orders-cache";

const TYPE_NAMES: Record<OrderView["type"], string> = {
  limit: "Limit",
  market: "Market",
  stop_limit: "Stop-limit",
  stop_market: "Stop-market",
  take_profit_limit: "Take-profit limit",
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

/** A decimal string cut to `shown` digits after the point (never rounded up), or "—". */
export function shown(text: string | null, shownDecimals: number): string {
  if (text === null) return "—";
  const point = text.indexOf(".");
  if (point === -1) return shownDecimals > 0 ? `${text}.${"0".repeat(shownDecimals)}` : text;
  const fraction = text.slice(point + 1, point + 1 + shownDecimals).padEnd(shownDecimals, "0");
  return shownDecimals > 0 ? `${text.slice(0, point)}.${fraction}` : text.slice(0, point);
}
