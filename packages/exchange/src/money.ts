/**
 * Decimal strings at the edge, integer minor units inside. The only place that converts
 * between the two, so every asset, price and quantity round-trips exactly.
 */

const DECIMAL_PATTERN = /^(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;

export type ParseDecimalResult =
  | { ok: true; value: bigint }
  | { ok: false; reason: "format" | "precision" };

/**
 * Parses a non-negative decimal string into minor units with exactly `decimals` digits.
 * Signs, exponents, spaces, `NaN` and more digits than the unit allows are refused.
 *
 * @example
 * parseDecimal("0.015", 8) // { ok: true, value: 1500000n }
 * parseDecimal("1e3", 8)   // { ok: false, reason: "format" }
 */
export function parseDecimal(text: string, decimals: number): ParseDecimalResult {
  const match = DECIMAL_PATTERN.exec(text);
  if (!match) return { ok: false, reason: "format" };
  const whole = match[1] ?? "0";
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (fraction.length > decimals) return { ok: false, reason: "precision" };
  return { ok: true, value: BigInt(whole + fraction.padEnd(decimals, "0")) };
}

/**
 * Formats minor units as a decimal string with all `decimals` digits.
 *
 * @example
 * formatDecimal(1500000n, 8) // "0.01500000"
 * formatDecimal(-5n, 2)      // "-0.05"
 */
export function formatDecimal(value: bigint, decimals: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  return `${negative ? "-" : ""}${whole}${decimals > 0 ? `.${fraction}` : ""}`;
}

/** How many decimals a step such as a tick size needs to be written exactly. */
export function decimalsOfStep(step: bigint, unitDecimals: number): number {
  let decimals = unitDecimals;
  let rest = step;
  while (decimals > 0 && rest % 10n === 0n) {
    rest /= 10n;
    decimals -= 1;
  }
  return decimals;
}
