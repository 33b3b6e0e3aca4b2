import { ORDER_STATUSES } from "@cryptotrade/contract/order-vocabulary";
import type { TFunction } from "i18next";
import type { OrderView } from "./orders-cache";

/**
 * The order type as people write it, in the page's language.
 *
 * @example
 * typeName("stop_limit", t); // "Stop-limit" (t of the "trade" namespace)
 */
export function typeName(type: OrderView["type"], t: TFunction<"trade">): string {
  return t(`orderType.${type}`);
}

/**
 * An order's status in words.
 *
 * @example
 * statusName("partially_filled", t); // "Partially filled"
 */
export function statusName(status: string, t: TFunction<"trade">): string {
  return isStatus(status) ? t(`status.${status}`) : status;
}

function isStatus(status: string): status is (typeof ORDER_STATUSES)[number] {
  return STATUSES.has(status);
}

const STATUSES: ReadonlySet<string> = new Set(ORDER_STATUSES);

/** Why an order ended, as people say it; "filled" and "user" need no words. */
const REASONS = new Set(["ioc", "fok", "no_liquidity", "self_trade", "oco"] as const);
type Reason = typeof REASONS extends Set<infer R> ? R : never;

/**
 * An order's status and why it ended, for people. A market order by amount of quote that
 * spent its budget (as far as whole lots go) ended as the engine's "expired, quote_budget":
 * it did all it could, so it reads "Filled", as the Binance API reports it (FILLED).
 *
 * @example
 * orderStatus({ status: "expired", reason: "quote_budget" }, t); // { status: "Filled", reason: null }
 * orderStatus({ status: "cancelled", reason: "oco" }, t); // { status: "Cancelled", reason: "its pair filled" }
 */
export function orderStatus(
  order: Pick<OrderView, "status" | "reason">,
  t: TFunction<"trade">,
): {
  status: string;
  reason: string | null;
} {
  if (order.status === "expired" && order.reason === "quote_budget") {
    return { status: t("status.filled"), reason: null };
  }
  const known =
    order.reason && REASONS.has(order.reason as Reason) ? (order.reason as Reason) : null;
  const reason = known ? t(`endReason.${known}`) : null;
  return { status: statusName(order.status, t), reason: order.status === "filled" ? null : reason };
}

/** A decimal string cut to `shown` digits after the point (never rounded up), or "—". */
export function shown(text: string | null, shownDecimals: number): string {
  if (text === null) return "—";
  const point = text.indexOf(".");
  if (point === -1) return shownDecimals > 0 ? `${text}.${"0".repeat(shownDecimals)}` : text;
  const fraction = text.slice(point + 1, point + 1 + shownDecimals).padEnd(shownDecimals, "0");
  return shownDecimals > 0 ? `${text.slice(0, point)}.${fraction}` : text.slice(0, point);
}
