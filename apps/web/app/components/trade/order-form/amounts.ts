import { formatDecimal, normalizeTypedDecimal, parseDecimal } from "@cryptotrade/contract/money";

/**
 * The order form's arithmetic on what a trader types: exact integer units (BigInt), never a
 * float. Parsing and formatting are the contract's; this adds the "nothing typed yet" case and
 * the few sums the form shows (fee, a share of a balance).
 */

export type TypedAmount =
  | { ok: true; value: bigint }
  | { ok: false; reason: "empty" | "format" | "precision" };

/**
 * Reads a typed amount by the exchange's own parser, after trimming and completing ".5".
 *
 * @example
 * parseTypedAmount(" .5", 2) // { ok: true, value: 50n }
 */
export function parseTypedAmount(text: string, decimals: number): TypedAmount {
  const normalized = normalizeTypedDecimal(text);
  if (normalized === "") return { ok: false, reason: "empty" };
  return parseDecimal(normalized, decimals);
}

/** A fee of `rate` (a fraction such as "0.0020") on `amount`, rounded down like the exchange. */
export function feeOf(amount: bigint, rate: string): bigint {
  const parsed = parseDecimal(rate, 4);
  return parsed.ok ? (amount * parsed.value) / 10_000n : 0n;
}

/** `rate` ("0.0020") as a percentage for people ("0.20%"). */
export function formatRate(rate: string): string {
  const parsed = parseDecimal(rate, 4);
  // In units of 10^-4, the rate is a percentage with two decimals.
  return parsed.ok ? `${formatDecimal(parsed.value, 2)}%` : rate;
}

/** `value` rounded down to a whole multiple of `step`. */
export function floorToStep(value: bigint, step: bigint): bigint {
  return step > 0n ? (value / step) * step : value;
}

/**
 * The largest amount that, with `rate`'s fee on top, still fits in `budget`.
 *
 * @example
 * beforeFee(1002n, "0.0020") // 1000n
 */
export function beforeFee(budget: bigint, rate: string): bigint {
  const parsed = parseDecimal(rate, 4);
  if (!parsed.ok) return budget;
  return (budget * 10_000n) / (10_000n + parsed.value);
}

/** `percent` (0–100) of `value`, rounded down. */
export function shareOf(value: bigint, percent: number): bigint {
  return (value * BigInt(Math.round(Math.min(100, Math.max(0, percent))))) / 100n;
}

/**
 * Quote units written to the last unit, without the zeros that end them but with at least the
 * digits of a price: a fee of 3.2503 USDT reads "3.2503", 650 reads "650.00".
 *
 * @example
 * formatExact(3_250_300n, 6, 2) // "3.2503"
 */
export function formatExact(value: bigint, decimals: number, atLeast: number): string {
  const full = formatDecimal(value, decimals);
  const point = full.indexOf(".");
  if (point === -1) return full;
  let end = full.length;
  while (end > point + 1 + atLeast && full[end - 1] === "0") end -= 1;
  return full.slice(0, end === point + 1 ? point : end);
}
