/**
 * Decimal strings at the edge, integer minor units inside: the one place that converts
 * between the two, for the exchange, the api and the web app alike, so every asset, price and
 * quantity round-trips exactly and is never a float.
 *
 * One parser for input (`parseDecimal`, strict), one reader for the server's own strings
 * (`toUnits`), and one formatter family: `formatDecimal` (units → text),
 * `formatDecimalString` (text → text) and `formatDecimalGrouped` (text → text for people, with
 * thousands separators). Every formatter cuts extra digits, never rounds.
 */

const DECIMAL_PATTERN = /^(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;
const SIGNED_DECIMAL = /^(-?)(\d+)(?:\.(\d*))?$/;

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
 * What a person typed, as `parseDecimal` expects it: without surrounding spaces, and with the
 * "0" people leave out of ".5".
 *
 * @example
 * normalizeTypedDecimal(" .5 ") // "0.5"
 */
export function normalizeTypedDecimal(text: string): string {
  const trimmed = text.trim();
  return trimmed.startsWith(".") ? `0${trimmed}` : trimmed;
}

/**
 * Formats minor units (10^-decimals) with `shown` digits after the point, all of them by
 * default; extra digits are cut toward zero.
 *
 * @example
 * formatDecimal(1500000n, 8)    // "0.01500000"
 * formatDecimal(1500000n, 8, 4) // "0.0150"
 * formatDecimal(-5n, 2)         // "-0.05"
 */
export function formatDecimal(units: bigint, decimals: number, shown = decimals): string {
  const negative = units < 0n;
  let magnitude = negative ? -units : units;
  if (shown < decimals) magnitude /= 10n ** BigInt(decimals - shown);
  else if (shown > decimals) magnitude *= 10n ** BigInt(shown - decimals);
  const digits = magnitude.toString().padStart(shown + 1, "0");
  const whole = digits.slice(0, digits.length - shown);
  const fraction = digits.slice(digits.length - shown);
  return `${negative ? "-" : ""}${whole}${shown > 0 ? `.${fraction}` : ""}`;
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

/** How many digits a decimal string has after its point ("0.010000" → 6). */
export function countDecimals(text: string): number {
  const point = text.indexOf(".");
  return point === -1 ? 0 : text.length - point - 1;
}

/**
 * Reads a decimal string the server wrote (it may be negative) into units of 10^-decimals,
 * cutting extra digits; throws on anything else, which would be a server bug. Input typed by
 * people goes through `parseDecimal` instead.
 *
 * @example
 * toUnits("65000.5", 2) // 6500050n
 */
export function toUnits(text: string, decimals: number): bigint {
  const match = SIGNED_DECIMAL.exec(text);
  if (!match) throw new Error(`not a decimal number: ${JSON.stringify(text)}`);
  const [, sign, whole = "0", fraction = ""] = match;
  const value = BigInt(`${whole}${fraction.slice(0, decimals).padEnd(decimals, "0")}`);
  return sign === "-" ? -value : value;
}

/**
 * Re-writes a decimal string with `shown` digits after the point (cutting, never rounding).
 *
 * @example
 * formatDecimalString("65000.000000", 2) // "65000.00"
 */
export function formatDecimalString(text: string, shown: number): string {
  const decimals = countDecimals(text);
  return formatDecimal(toUnits(text, decimals), decimals, shown);
}

/**
 * A decimal string shown with `shown` places and thousands separators, for a table read at a
 * glance; negative numbers get a real minus sign.
 *
 * @example
 * formatDecimalGrouped("1234567.891000", 2) // "1,234,567.89"
 */
export function formatDecimalGrouped(text: string, shown: number): string {
  const plain = formatDecimalString(text, shown);
  const negative = plain.startsWith("-");
  const [whole = "0", fraction] = (negative ? plain.slice(1) : plain).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "−" : ""}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

/**
 * A decimal string without the zeros that end its fraction, for a sentence rather than a column.
 *
 * @example
 * trimDecimal("0.01000000") // "0.01"
 * trimDecimal("2.00000000") // "2"
 */
export function trimDecimal(text: string): string {
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

/** True for "0", "0.000" and the like. */
export function isZeroDecimal(text: string): boolean {
  return /^-?0*(\.0*)?$/.test(text);
}
