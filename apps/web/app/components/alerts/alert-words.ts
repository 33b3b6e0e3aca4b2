import type { RouterOutputs } from "@cryptotrade/api";
import { countDecimals, formatDecimalGrouped } from "@cryptotrade/contract/money";
import type { TFunction } from "i18next";

export type PriceAlert = RouterOutputs["alerts"]["list"][number];

/**
 * An alert in a few words, in the viewer's language with numbers in their locale: the list's
 * line and, after "Cancel alert", its button's accessible name.
 *
 * @example
 * describeAlert(alert, t, n) // "BTC-USDT above 65,000.00" or "BTC-USDT below 63,375.00 (2.5 % down)"
 */
export function describeAlert(
  alert: Pick<PriceAlert, "symbol" | "direction" | "price" | "movePercent">,
  t: TFunction<"common">,
  n: (decimal: string) => string,
): string {
  const words = {
    symbol: alert.symbol,
    price: n(formatDecimalGrouped(alert.price, countDecimals(alert.price))),
  };
  return alert.movePercent === null
    ? t(`alerts.describe.${alert.direction}`, words)
    : t(`alerts.describeMove.${alert.direction}`, { ...words, percent: n(alert.movePercent) });
}

/** The server's refusal placed at the field it names (`price` or `percent`), else the form's. */
export function readAlertRefusal(
  error: unknown,
  fallback: string,
): {
  field: "price" | "percent" | null;
  message: string;
} {
  const failure = error as { message?: unknown; data?: { field?: unknown } } | null;
  const message = typeof failure?.message === "string" ? failure.message : fallback;
  const field = failure?.data?.field;
  return { field: field === "price" || field === "percent" ? field : null, message };
}
