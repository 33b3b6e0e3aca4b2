/**
 * What a trader types into an order form, as exact integer units (BigInt), and the few sums
 * the form needs: notional, fee, a share of a balance. Money is never a float here.
 */

const PLAIN_DECIMAL = /^(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;

export type ParsedAmount =
  | { ok: true; value: bigint }
  | { ok: false; reason: "empty" | "format" | "precision" };

/**
 * Parses a plain non-negative decimal ("1.25", "0.010") into units of 10^-decimals; refuses
 * signs, exponents, spaces and more digits than `decimals` allows (trailing zeros are fine).
 *
 * @example
 * parseAmount("0.015", 8) // { ok: true, value: 1500000n }
 */
export function parseAmount(text: string, decimals: number): ParsedAmount {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, reason: "empty" };
  // A leading "." is how people type fractions; treat ".5" as "0.5".
  const match = PLAIN_DECIMAL.exec(trimmed.startsWith(".") ? `0${trimmed}` : trimmed);
  if (!match) return { ok: false, reason: "format" };
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (fraction.length > decimals) return { ok: false, reason: "precision" };
  return { ok: true, value: BigInt(`${match[1] ?? "0"}${fraction.padEnd(decimals, "0")}`) };
}

/**
 * Writes units of 10^-decimals with `shown` digits after the point (rounding down).
 *
 * @example
 * formatAmount(1500000n, 8, 4) // "0.0150"
 */
export function formatAmount(value: bigint, decimals: number, shown = decimals): string {
  const negative = value < 0n;
  let magnitude = negative ? -value : value;
  if (shown < decimals) magnitude /= 10n ** BigInt(decimals - shown);
  else if (shown > decimals) magnitude *= 10n ** BigInt(shown - decimals);
  const digits = magnitude.toString().padStart(shown + 1, "0");
  const whole = digits.slice(0, digits.length - shown);
  const fraction = digits.slice(digits.length - shown);
  return `${negative ? "-" : ""}${whole}${shown > 0 ? `.${fraction}` : ""}`;
}

/**
 * price × quantity in quote units, rounded down (the exchange's grid makes it exact).
 *
 * @example
 * notionalOf(6500000n, 1000000n, 8) // 65000.00 × 0.01 = 650.00 → 65000n (2 quote decimals)
 */
export function notionalOf(price: bigint, quantity: bigint, baseDecimals: number): bigint {
  return (price * quantity) / 10n ** BigInt(baseDecimals);
}

/** A fee of `rate` (a fraction such as "0.0020") on `amount`, rounded down like the exchange. */
export function feeOf(amount: bigint, rate: string): bigint {
  const parsed = parseAmount(rate, 4);
  return parsed.ok ? (amount * parsed.value) / 10_000n : 0n;
}

/** `rate` ("0.0020") as a percentage for people ("0.20%"). */
export function formatRate(rate: string): string {
  const parsed = parseAmount(rate, 4);
  return parsed.ok ? `${formatAmount(parsed.value, 2)}%` : rate;
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
  const parsed = parseAmount(rate, 4);
  if (!parsed.ok) return budget;
  return (budget * 10_000n) / (10_000n + parsed.value);
}

/** `percent` (0–100) of `value`, rounded down. */
export function shareOf(value: bigint, percent: number): bigint {
  return (value * BigInt(Math.round(Math.min(100, Math.max(0, percent))))) / 100n;
}
