import { formatDecimal, toUnits } from "@cryptotrade/contract/money";

const UNITS = 6;

/**
 * The change of the total value since the first snapshot of the last 24 hours: the amount and
 * the percent of that starting value (two decimals). Null without such a snapshot, or when it
 * was worth nothing (a percent of zero means nothing).
 *
 * @example
 * dayChange("110.000000", [{ totalValue: "100.000000" }]) // { amount: "10.000000", percent: "10.00" }
 */
export function dayChange(
  totalValue: string,
  dayPoints: ReadonlyArray<{ totalValue: string }>,
): { amount: string; percent: string } | null {
  const first = dayPoints[0];
  if (!first) return null;
  const start = toUnits(first.totalValue, UNITS);
  if (start <= 0n) return null;
  const change = toUnits(totalValue, UNITS) - start;
  return {
    amount: formatDecimal(change, UNITS),
    percent: formatDecimal((change * 10_000n) / start, 2),
  };
}
