import { toUnits } from "@cryptotrade/contract/money";

/**
 * A decimal string with `places` digits after the point (cut, never rounded up) and thousands
 * separators, with no float in between: "1234567.891000" → "1,234,567.89"; negatives get "−".
 */
export function groupDecimal(text: string, places: number): string {
  const negative = text.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? text.slice(1) : text).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const tail = places > 0 ? `.${fraction.padEnd(places, "0").slice(0, places)}` : "";
  return `${negative ? "−" : ""}${grouped}${tail}`;
}

/** USDT values are shown with cents. */
export const VALUE_PLACES = 2;

/** A USDT value for reading: "12,345.67" (cut, never rounded up). */
export function formatValue(text: string): string {
  return groupDecimal(text, VALUE_PLACES);
}

/** An asset amount with its own decimals, grouped: "1,000.00000000". */
export function formatAmount(text: string): string {
  const point = text.indexOf(".");
  return groupDecimal(text, point === -1 ? 0 : text.length - point - 1);
}

/** A signed USDT change: "+12.34", "−5.00", "0.00"; and which way it went. */
export function formatSigned(text: string): { text: string; sign: "up" | "down" | "flat" } {
  const units = toUnits(text, VALUE_PLACES);
  if (units === 0n) return { text: groupDecimal("0", VALUE_PLACES), sign: "flat" };
  const shown = formatValue(text.startsWith("-") ? text.slice(1) : text);
  return units > 0n ? { text: `+${shown}`, sign: "up" } : { text: `−${shown}`, sign: "down" };
}

/** A decimal string as a float, for drawing only (chart geometry), never for display. */
export function toPlotNumber(text: string | null): number {
  const value = Number(text ?? "0");
  return Number.isFinite(value) ? value : 0;
}
