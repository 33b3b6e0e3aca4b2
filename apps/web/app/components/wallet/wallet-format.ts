import { countDecimals, formatDecimalGrouped } from "@cryptotrade/contract/money";

/** An asset amount with every decimal of its unit, grouped: "1,000.000000". */
export function formatAssetAmount(text: string): string {
  return formatDecimalGrouped(text, countDecimals(text));
}
