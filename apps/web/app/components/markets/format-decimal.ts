/**
 * A decimal string from the API (exact, e.g. "65012.500000") shown with `decimals` places and
 * thousands separators, without ever going through a float: "65,012.50". Extra places are cut,
 * not rounded, which is exact for prices (always whole ticks) and honest for volumes.
 *
 * @example
 * formatDecimal("1234567.891000", 2); // "1,234,567.89"
 */
export function formatDecimal(text: string, decimals: number): string {
  const negative = text.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? text.slice(1) : text).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const places = decimals > 0 ? `.${fraction.padEnd(decimals, "0").slice(0, decimals)}` : "";
  return `${negative ? "−" : ""}${grouped}${places}`;
}
