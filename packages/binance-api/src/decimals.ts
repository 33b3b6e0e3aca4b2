import { countDecimals, formatDecimal, toUnits } from "@cryptotrade/contract/money";

/** Zero written with as many decimals as `like` (Binance writes an empty side as "0.00000000"). */
export function zeroLike(like: string): string {
  return formatDecimal(0n, countDecimals(like));
}

/**
 * The volume-weighted average price of some trades, from their summed quote and base volumes
 * (decimal strings with the quote's and the base's decimals); null when nothing traded.
 * Exact in integers, cut (not rounded) to the quote's decimals.
 *
 * @example
 * weightedAverage(["100.000000", "300.000000"], ["1.00000000", "2.00000000"]) // "133.333333"
 */
export function weightedAverage(quoteVolumes: string[], volumes: string[]): string | null {
  const [quoteSample, baseSample] = [quoteVolumes[0], volumes[0]];
  if (quoteSample === undefined || baseSample === undefined) return null;
  const quoteDecimals = countDecimals(quoteSample);
  const baseDecimals = countDecimals(baseSample);
  const quote = quoteVolumes.reduce((sum, v) => sum + toUnits(v, quoteDecimals), 0n);
  const base = volumes.reduce((sum, v) => sum + toUnits(v, baseDecimals), 0n);
  if (base === 0n) return null;
  return formatDecimal((quote * 10n ** BigInt(baseDecimals)) / base, quoteDecimals);
}
