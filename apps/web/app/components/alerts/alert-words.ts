import type { RouterOutputs } from "@cryptotrade/api";
import { countDecimals, formatDecimalGrouped } from "@cryptotrade/contract/money";

export type PriceAlert = RouterOutputs["alerts"]["list"][number];

/**
 * An alert in a few words, numbers in the viewer's locale: the list's line and, after
 * "Cancel alert", its button's accessible name.
 *
 * @example
 * describeAlert(alert, n) // "BTC-USDT above 65,000.00" or "BTC-USDT below 63,375.00 (2.5 % down)"
 */
export function describeAlert(
  alert: Pick<PriceAlert, "symbol" | "direction" | "price" | "movePercent">,
  n: (decimal: string) => string,
): string {
  const move =
    alert.movePercent === null
      ? ""
      : ` (${n(alert.movePercent)} % ${alert.direction === "above" ? "up" : "down"})`;
  const price = n(formatDecimalGrouped(alert.price, countDecimals(alert.price)));
  return `${alert.symbol} ${alert.direction} ${price}${move}`;
}

/** The server's refusal placed at the field it names (`price` or `percent`), else the form's. */
export function readAlertRefusal(error: unknown): {
  field: "price" | "percent" | null;
  message: string;
} {
  const failure = error as { message?: unknown; data?: { field?: unknown } } | null;
  const message = typeof failure?.message === "string" ? failure.message : "The alert was not set";
  const field = failure?.data?.field;
  return { field: field === "price" || field === "percent" ? field : null, message };
}
