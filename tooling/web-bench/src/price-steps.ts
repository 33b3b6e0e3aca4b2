/**
 * A decimal string as a whole number of `decimals`-place units, cutting extra digits: prices
 * move by exact ticks here, never by float steps.
 *
 * @example
 * toUnits("65000.120000", 2); // 6500012n
 */
export function toUnits(text: string, decimals: number): bigint {
  const [whole = "0", fraction = ""] = text.split(".");
  return BigInt(`${whole}${fraction.padEnd(decimals, "0").slice(0, decimals)}`);
}

/**
 * Units back to a decimal string with `decimals` places.
 *
 * @example
 * fromUnits(6500012n, 2); // "65000.12"
 */
export function fromUnits(units: bigint, decimals: number): string {
  const digits = units.toString().padStart(decimals + 1, "0");
  if (decimals === 0) return digits;
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/** Digits after the point of a decimal string ("0.010000" → 6). */
export function countDecimals(text: string): number {
  const point = text.indexOf(".");
  return point === -1 ? 0 : text.length - point - 1;
}
