import { formatDecimal as formatPlainDecimal } from "../../lib/decimal";

/**
 * A decimal string from the API shown with `decimals` places (cut, never rounded: exact for
 * prices, which are whole ticks) and thousands separators, for a table read at a glance; the
 * plain form without separators is ~/lib/decimal's.
 *
 * @example
 * formatDecimal("1234567.891000", 2); // "1,234,567.89"
 */
export function formatDecimal(text: string, decimals: number): string {
  const plain = formatPlainDecimal(text, decimals);
  const negative = plain.startsWith("-");
  const [whole = "0", fraction] = (negative ? plain.slice(1) : plain).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "−" : ""}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}
