/**
 * Exact decimal strings as integer units, for money the page computes with (grouping book
 * levels, summing depth, the spread). Prices and sizes arrive as decimal strings and are never
 * turned into floats for display.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d*))?$/;

/** How many digits a decimal string has after its point ("0.010000" → 6). */
export function countDecimals(text: string): number {
  const point = text.indexOf(".");
  return point === -1 ? 0 : text.length - point - 1;
}

/**
 * Parses a decimal string into units of 10^-decimals, truncating extra digits.
 *
 * @example
 * toUnits("65000.5", 2) // 6500050n
 */
export function toUnits(text: string, decimals: number): bigint {
  const match = DECIMAL.exec(text);
  if (!match) throw new Error(`not a decimal number: ${JSON.stringify(text)}`);
  const [, sign, whole = "0", fraction = ""] = match;
  const digits = `${whole}${fraction.slice(0, decimals).padEnd(decimals, "0")}`;
  const value = BigInt(digits);
  return sign === "-" ? -value : value;
}

/**
 * Writes units of 10^-decimals with exactly `shown` digits after the point, truncating the
 * rest toward zero.
 *
 * @example
 * formatUnits(6500050n, 2, 2) // "65000.50"
 */
export function formatUnits(units: bigint, decimals: number, shown = decimals): string {
  const negative = units < 0n;
  let magnitude = negative ? -units : units;
  if (shown < decimals) magnitude /= 10n ** BigInt(decimals - shown);
  else if (shown > decimals) magnitude *= 10n ** BigInt(shown - decimals);
  const digits = magnitude.toString().padStart(shown + 1, "0");
  const whole = digits.slice(0, digits.length - shown);
  const fraction = digits.slice(digits.length - shown);
  return `${negative ? "-" : ""}${whole}${shown > 0 ? `.${fraction}` : ""}`;
}

/**
 * Re-writes a decimal string with `shown` digits after the point (truncating).
 *
 * @example
 * formatDecimal("65000.000000", 2) // "65000.00"
 */
export function formatDecimal(text: string, shown: number): string {
  const decimals = countDecimals(text);
  return formatUnits(toUnits(text, decimals), decimals, shown);
}

/** True for "0", "0.000" and the like. */
export function isZero(text: string): boolean {
  return /^-?0*(\.0*)?$/.test(text);
}
